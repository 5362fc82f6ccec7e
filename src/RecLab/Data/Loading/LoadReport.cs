namespace RecLab.Data.Loading;

/// <summary>What a loader read, skipped and merged.</summary>
public sealed class LoadReport
{
    private readonly List<string> _problems = [];

    /// <summary>At most this many skipped-line messages are kept.</summary>
    public const int MaxProblemsKept = 20;

    /// <summary>Data lines read (headers and blank lines excluded).</summary>
    public long LinesRead { get; internal set; }

    /// <summary>Malformed lines skipped (only with <see cref="LoadOptions.SkipBadLines"/>).</summary>
    public long SkippedLines { get; private set; }

    /// <summary>Interactions dropped or merged because their (user, item) pair repeated.</summary>
    public long Duplicates { get; internal set; }

    /// <summary>Rated items that the item metadata file does not list (added to the id map anyway).</summary>
    public int ItemsMissingFromMetadata { get; internal set; }

    /// <summary>The first <see cref="MaxProblemsKept"/> skipped lines: where, what, and what was expected.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Lines read as they are that may not be what the file meant (<c>path:line: why</c>), e.g. a last line cut short.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    private readonly List<string> _warnings = [];

    internal void Warn(string message)
    {
        if (_warnings.Count < MaxProblemsKept)
            _warnings.Add(message);
    }

    internal void Skip(DataFormatException problem)
    {
        SkippedLines++;
        if (_problems.Count < MaxProblemsKept)
            // Without the hint, which says how to skip the line: it was skipped.
            _problems.Add(problem.Located);
    }

    internal void Handle(DataFormatException problem, LoadOptions options)
    {
        if (!options.SkipBadLines)
            throw problem;
        Skip(problem);
    }
}
