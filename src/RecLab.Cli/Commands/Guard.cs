using RecLab.Data.Downloads;
using RecLab.Data.Loading;

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
        catch (DataFormatException e)
        {
            terminal.Fail(e.Message);
            return ExitCodes.InvalidInput;
        }
        catch (FileNotFoundException e)
        {
            terminal.Fail(e.Message);
            return ExitCodes.InvalidInput;
        }
        catch (DirectoryNotFoundException e)
        {
            terminal.Fail(e.Message);
            return ExitCodes.InvalidInput;
        }
        catch (ArgumentException e)
        {
            terminal.Fail(e.Message);
            return ExitCodes.InvalidInput;
        }
        catch (KeyNotFoundException e)
        {
            terminal.Fail(e.Message);
            return ExitCodes.InvalidInput;
        }
        catch (NotSupportedException e)
        {
            terminal.Fail(e.Message);
            return ExitCodes.InvalidInput;
        }
        catch (FormatException e)
        {
            terminal.Fail(e.Message);
            return ExitCodes.InvalidInput;
        }
        catch (DownloadException e)
        {
            terminal.Fail(e.Message);
            return ExitCodes.PartialFailure;
        }
    }

    public static int Run(Terminal terminal, Func<int> action) =>
        RunAsync(terminal, () => Task.FromResult(action())).GetAwaiter().GetResult();
}
