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
        catch (DownloadException e)
        {
            terminal.Fail(e.Message);
            return ExitCodes.PartialFailure;
        }
        // A fit that diverged or a result that is not a finite number: the input was valid, the computation failed,
        // as a failed cell of 'reclab run' does.
        catch (Exception e) when (e is TrainingDivergedException or NonFiniteResultException)
        {
            terminal.Fail(e.Message);
            return ExitCodes.PartialFailure;
        }
        // IOException covers missing files and folders, and files that cannot be read; KeyNotFound: unknown names.
        catch (Exception e) when (e is DataFormatException or IOException or UnauthorizedAccessException or ArgumentException or FormatException
            or KeyNotFoundException or NotSupportedException or ResultsFolderException)
        {
            terminal.Fail(e.Message);
            return ExitCodes.InvalidInput;
        }
    }

    public static int Run(Terminal terminal, Func<int> action) =>
        RunAsync(terminal, () => Task.FromResult(action())).GetAwaiter().GetResult();
}
