using System.Diagnostics;

namespace RecLab.Cli.Tests;

/// <summary>Runs a program as a child process and captures its output (stdout, then stderr).</summary>
internal static class ProcessRun
{
    public static async Task<(int Code, string Output)> Run(string file, IEnumerable<string> args, string directory,
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken? cancellation = null)
    {
        using var process = Process.Start(StartInfo(file, args, directory, environment))!;
        var ct = cancellation ?? TestContext.Current.CancellationToken;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await output + await error);
    }

    public static ProcessStartInfo StartInfo(string file, IEnumerable<string> args, string directory,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        return start;
    }
}
