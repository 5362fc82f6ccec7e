using RecLab.Notebooks.Execution;

namespace RecLab.Notebooks.Hosting;

/// <summary>
/// Parameters of an exported notebook app from its command line, as <c>NAME=VALUE</c> arguments
/// (<c>dotnet run app.cs -- seed=7</c>), read as the type the parameters cell gives each variable.
/// </summary>
public static class AppArguments
{
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
