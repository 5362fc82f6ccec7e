using RecLab.Recommenders;
using RecLab.Recommenders.Baselines;
using RecLab.Recommenders.Factorization;

namespace RecLab.Tests.Recommenders;

/// <summary>One check of options (RecommenderOptions.Check) behind the command line, experiment files and constructors.</summary>
public sealed class OptionsCheckTests
{
    private static string Refusal(string spec) => Assert.Throws<ArgumentException>(() => RecommenderRegistry.Default.Parse(spec)).Message;

    [Theory]
    [InlineData("most-popular:measure=damped-mean,damping=Infinity", "most-popular: option Damping must be a finite number (got 'Infinity').")]
    [InlineData("most-popular:damping=NaN", "most-popular: option Damping must be a finite number (got 'NaN').")]
    [InlineData("biased-mf:learning_rate=1e39", "biased-mf: option LearningRate must be a number within ±3.4E+38 (got '1e39', out of range).")]
    [InlineData("biased-mf:factors=2147483648", "biased-mf: option Factors expects integer, got '2147483648' (out of range: a whole number from -2147483648 to 2147483647).")]
    [InlineData("biased-mf:factors=2147483647", "biased-mf: option Factors must be between 1 and 1024 (got 2147483647)")]
    [InlineData("implicit-als:factors=5000", "implicit-als: option Factors must be between 1 and 1024 (got 5000)")]
    [InlineData("pure-svd:factors=100000", "pure-svd: option Factors must be between 1 and 1024 (got 100000)")]
    [InlineData("ease:regularization=0", "ease: option Regularization must be greater than 0 (got 0)")]
    public void The_command_line_names_the_option_and_what_it_must_be(string spec, string message) =>
        Assert.Equal(message, Refusal(spec));

    [Fact]
    public void Options_built_in_code_are_checked_for_finite_numbers_too()
    {
        // Damping = ∞ scored nDCG exactly 0 through eval: every item's damped mean became the global mean.
        var e = Assert.Throws<ArgumentException>(() => new MostPopular(new MostPopularOptions { Measure = PopularityMeasure.DampedMean, Damping = float.PositiveInfinity }));

        Assert.Equal("Invalid MostPopularOptions: Damping must be a finite number (got Infinity)", e.Message);
        Assert.Equal([new OptionError("Regularization", "must be a finite number (got NaN)")], new EaseOptions { Regularization = float.NaN }.Check());
    }
}
