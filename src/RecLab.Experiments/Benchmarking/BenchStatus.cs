namespace RecLab.Experiments.Benchmarking;

/// <summary>Whether a benchmark task ran.</summary>
public enum BenchStatus
{
    /// <summary>Measured.</summary>
    Ok,

    /// <summary>Left out on request (<c>--quick</c>).</summary>
    Skipped,

    /// <summary>Its code is not part of this build (no timing is made up).</summary>
    NotAvailable,
}
