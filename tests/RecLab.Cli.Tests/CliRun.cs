namespace RecLab.Cli.Tests;

/// <summary>Runs <c>reclab</c> in process with plain output, capturing stdout and stderr.</summary>
internal static class CliRun
{
    public static async Task<(int Code, string Out, string Err)> Reclab(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ReclabApp.Create(output, error, plain: true).RunAsync(args, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }
}
