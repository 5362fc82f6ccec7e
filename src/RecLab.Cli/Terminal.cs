using Spectre.Console;

namespace RecLab.Cli;

/// <summary>
/// Where the CLI talks to people. In a terminal: colours and live progress. When output is redirected or
/// <c>CI</c> is set: plain lines and no escape codes (Spectre would otherwise emit colour codes into a pipe
/// whenever <c>TERM</c> says xterm).
/// </summary>
internal sealed class Terminal
{
    public Terminal(TextWriter output, TextWriter error, bool plain)
    {
        Out = output;
        Error = error;
        Plain = plain;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = plain ? InteractionSupport.No : InteractionSupport.Detect,
            Out = new AnsiConsoleOutput(output),
        });
        if (plain)
            Console.Profile.Width = 160;
    }

    /// <summary>True when output is not an interactive terminal.</summary>
    public bool Plain { get; }

    /// <summary>Rich output (tables, progress).</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Raw standard output, for machine-readable formats (JSON, CSV) that must not be wrapped.</summary>
    public TextWriter Out { get; }

    /// <summary>Raw standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>Plain when stdout is redirected, <c>CI</c> is set or <c>NO_COLOR</c> is set.</summary>
    public static bool ShouldBePlain() =>
        System.Console.IsOutputRedirected ||
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) ||
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>Writes an error line to stderr, prefixed so it stands out in logs.</summary>
    public void Fail(string message) => Error.WriteLine($"error: {message}");

    /// <summary>Writes a warning line to stderr.</summary>
    public void Warn(string message) => Error.WriteLine($"warning: {message}");
}
