namespace RecLab.Data.Synthetic;

/// <summary>
/// The historical log: D days of sessions in which the <see cref="LoggingPolicy"/> showed slates and users responded
/// by the ground-truth model. <see cref="Clicks"/> holds every clicked impression of every user; <see cref="Impressions"/>
/// holds every impression (clicked or not) of the users kept by <see cref="WorldOptions.ImpressionLogShare"/>.
/// </summary>
public sealed class WorldLog
{
    private readonly bool[] _kept;

    internal WorldLog(LogTable clicks, LogTable impressions, bool[] kept, LogTotals totals)
    {
        Clicks = clicks;
        Impressions = impressions;
        _kept = kept;
        Totals = totals;
    }

    /// <summary>Every click with its impression's position and propensity, and the like, purchase and rating that followed.</summary>
    public LogTable Clicks { get; }

    /// <summary>Every impression of the kept users.</summary>
    public LogTable Impressions { get; }

    /// <summary>True when the user's impressions are all in <see cref="Impressions"/>.</summary>
    public bool ImpressionsKept(int user) => _kept[user];

    /// <summary>Counts over the whole log.</summary>
    public LogTotals Totals { get; }
}
