namespace RecLab.Cli;

/// <summary>The process exit codes every command uses.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Some work failed (e.g. some cells of a run); the rest was kept.</summary>
    public const int PartialFailure = 1;

    /// <summary>Invalid configuration, arguments or input; nothing was run.</summary>
    public const int InvalidInput = 2;

    /// <summary>Stopped by Ctrl-C.</summary>
    public const int Cancelled = 130;
}
