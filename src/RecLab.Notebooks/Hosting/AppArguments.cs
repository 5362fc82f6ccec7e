using RecLab.Data.Loading;
using RecLab.Notebooks.Execution;

namespace RecLab.Notebooks.Hosting;

/// <summary>
/// Parameters of an exported notebook app from its command line, as <c>NAME=VALUE</c> arguments
/// (<c>dotnet run app.cs -- seed=7</c>), read as the type the parameters cell gives each variable.
/// </summary>
public static class AppArguments
{
    /// <summary>
    /// From now on an exception nothing catches ends the app with one line on standard error: exit code 2 for bad
    /// input (an argument, a missing file or dataset, malformed data), 1 for anything else, as <c>reclab</c> exits.
    /// </summary>
    public static void ExitOnBadInput()
    {
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            var exception = e.ExceptionObject as Exception;
            Console.Out.Flush();
            Console.Error.WriteLine("error: " + (exception?.Message ?? e.ExceptionObject?.ToString() ?? "unknown error").ReplaceLineEndings(" "));
            Environment.Exit(exception is not null && IsBadInput(exception) ? 2 : 1);
        };
    }

    /// <summary>Whether <paramref name="exception"/> says the input was wrong rather than the program.</summary>
    public static bool IsBadInput(Exception exception) =>
        exception is ArgumentException or FileNotFoundException or DirectoryNotFoundException or DataFormatException or NotebookException;

    /// <summary>Fails when an argument is not <c>NAME=VALUE</c> with a NAME among <paramref name="parameters"/>.</summary>
    /// <exception cref="ArgumentException">A malformed or unknown argument; the message lists the parameters.</exception>
    public static void Check(string[] args, params string[] parameters)
    {
        foreach (var arg in args)
        {
            var name = Name(arg);
            if (name is null || !parameters.Contains(name))
                throw new ArgumentException(
                    $"Argument '{arg}': expected NAME=VALUE with NAME one of the notebook's parameters ({string.Join(", ", parameters)}){DidYouMean.Hint(name ?? arg, parameters)}.");
        }
    }

    /// <summary>The value given as <c><paramref name="name"/>=VALUE</c> (the last one wins), else <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">The value is not a valid <typeparamref name="T"/>.</exception>
    public static T Override<T>(string[] args, string name, T value)
    {
        var given = args.LastOrDefault(a => Name(a) == name);
        if (given is null)
            return value;
        var text = given[(given.IndexOf('=') + 1)..];
        try
        {
            return (T)ParameterValue.Parse(typeof(T), text)!;
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"Argument '{given}': not a valid {typeof(T).Name} ({e.Message}).", e);
        }
    }

    private static string? Name(string arg)
    {
        var equals = arg.IndexOf('=');
        return equals > 0 ? arg[..equals].Trim() : null;
    }
}
