using RecLab.Data.Downloads;
using RecLab.Data.Loading;
using RecLab.Evaluation;
using RecLab.Recommenders.Factorization;
using RecLab.Experiments.Results;

namespace RecLab.Cli.Commands;

/// <summary>Turns the libraries' expected failures into one clear line and the right exit code.</summary>
internal static class Guard
{
    public static async Task<int> RunAsync(Terminal terminal, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (ExitCodeOf(e) is { } code)
        {
            terminal.Fail(e.Message);
            return code;
        }
    }

    public static int Run(Terminal terminal, Func<int> action) =>
        RunAsync(terminal, () => Task.FromResult(action())).GetAwaiter().GetResult();

    /// <summary>The exit code of an expected failure, or null for any other exception (a bug, which escapes with its trace).</summary>
    public static int? ExitCodeOf(Exception e) => e switch
    {
        DownloadException => ExitCodes.PartialFailure,
        // A fit that diverged or a result that is not a finite number: the input was valid, the computation failed,
        // as a failed cell of 'reclab run' does.
        TrainingDivergedException or NonFiniteResultException => ExitCodes.PartialFailure,
        // IOException covers missing files and folders, and files that cannot be read; KeyNotFound: unknown names.
        DataFormatException or IOException or UnauthorizedAccessException or ArgumentException or FormatException
            or KeyNotFoundException or NotSupportedException or ResultsFolderException => ExitCodes.InvalidInput,
        _ => null,
    };
}
