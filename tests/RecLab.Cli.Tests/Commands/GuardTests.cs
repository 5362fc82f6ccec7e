using RecLab.Cli.Commands;
using RecLab.Data.Downloads;
using RecLab.Data.Loading;

namespace RecLab.Cli.Tests.Commands;

public sealed class GuardTests
{
    public static TheoryData<Exception, int> Failures => new()
    {
        { new DataFormatException("r.csv", 3, "bad"), ExitCodes.InvalidInput },
        { new FileNotFoundException("gone"), ExitCodes.InvalidInput },
        { new ArgumentException("odd"), ExitCodes.InvalidInput },
        { new FormatException("odd"), ExitCodes.InvalidInput },
        { new IOException("Input/output error"), ExitCodes.InvalidInput },
        { new UnauthorizedAccessException("Access to the path is denied."), ExitCodes.InvalidInput },
        { new DownloadException("checksum mismatch"), ExitCodes.PartialFailure },
        { new RecLab.Recommenders.Factorization.TrainingDivergedException("biased-mf", "epoch", 1, "the loss is NaN", "Try a smaller learning rate."), ExitCodes.PartialFailure },
        { new RecLab.Evaluation.NonFiniteResultException("bias", "rmse = NaN"), ExitCodes.PartialFailure },
        { new RecLab.Experiments.Results.ResultsFolderException("results/default is in use by reclab run default"), ExitCodes.InvalidInput },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Expected_failures_become_one_error_line_and_an_exit_code(Exception failure, int exitCode)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var terminal = new Terminal(output, error, plain: true);

        var code = Guard.Run(terminal, () => throw failure);

        Assert.Equal(exitCode, code);
        Assert.Equal($"error: {failure.Message}{Environment.NewLine}", error.ToString());
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void A_bug_is_not_disguised_as_bad_input()
    {
        var terminal = new Terminal(TextWriter.Null, TextWriter.Null, plain: true);
        Assert.Throws<NullReferenceException>(() => Guard.Run(terminal, () => throw new NullReferenceException()));
    }
}
