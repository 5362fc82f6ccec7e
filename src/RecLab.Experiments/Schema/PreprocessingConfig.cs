namespace RecLab.Experiments.Schema;

/// <summary>
/// Preparation before splitting, in this order: conversion to implicit feedback (dropping rows below the threshold),
/// then the minimum-activity filter. When rows are dropped, users and items left without interactions leave the catalogue.
/// </summary>
public sealed record PreprocessingConfig
{
    /// <summary>Convert explicit ratings to implicit interactions of weight 1.</summary>
    public bool Implicit { get; init; }

    /// <summary>With <c>implicit: true</c>, keep only ratings at or above this value (e.g. 4.0); null keeps every rating.</summary>
    public float? ImplicitThreshold { get; init; }

    /// <summary>Drop users with fewer interactions than this (0: keep everyone).</summary>
    public int MinUserInteractions { get; init; }

    /// <summary>Drop items with fewer interactions than this (0: keep every item).</summary>
    public int MinItemInteractions { get; init; }

    /// <summary>How the two minimums are applied: repeatedly until both hold (the k-core) or one pass each.</summary>
    public ActivityFilter Filter { get; init; } = ActivityFilter.Iterated;
}
