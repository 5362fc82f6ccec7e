namespace RecLab.Data.Synthetic;

/// <summary>A column of an exported CSV file and what it holds (the README is written from these).</summary>
/// <param name="Name">Header name.</param>
/// <param name="Description">Meaning and units.</param>
public sealed record CsvColumn(string Name, string Description);
