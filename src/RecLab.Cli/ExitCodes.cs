namespace RecLab.Cli;

/// <summary>The process exit codes every command uses (listed in the README and by <c>reclab --help</c>).</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>
    /// The input was valid but work failed: some cells or A/B tests of a run (the rest was kept), a fit that diverged
    /// or gave a non-finite result, a download, a merge missing shards.
    /// </summary>
    public const int PartialFailure = 1;

    /// <summary>Invalid configuration, arguments or input, or a results folder in use or holding another setup; nothing was run.</summary>
    public const int InvalidInput = 2;

    /// <summary>A bug: an exception no command expects (the trace is printed for a report). sysexits' EX_SOFTWARE.</summary>
    public const int InternalError = 70;

    /// <summary>Stopped by Ctrl-C.</summary>
    public const int Cancelled = 130;

    /// <summary>
    /// The line <c>reclab --help</c> prints about them: short, so the root help stays one screen; the README's table
    /// says what each means in full.
    /// </summary>
    public const string Help = "Exit codes: 0 ok, 1 some work failed, 2 invalid input, 70 bug, 130 Ctrl-C.";
}
