using RecLab.Recommenders;
using RecLab.Recommenders.Factorization;
using RecLab.Tests.Support;

namespace RecLab.Tests.Recommenders.Factorization;

public sealed class SvdPlusPlusTests : RecommenderContract<SvdPlusPlus>
{
    private static readonly SvdPlusPlusOptions Small = new() { Factors = 8, Epochs = 60, LearningRate = 0.02f };

    protected override SvdPlusPlus Create() => new(Small);

    [Fact]
    public void Same_seed_gives_bit_identical_parameters()
    {
        var train = new TrainingSet(Checkerboard.Explicit());
        var a = new SvdPlusPlus(Small);
        var b = new SvdPlusPlus(Small);
        a.Fit(train, new FitContext { Seed = 5 });
        b.Fit(train, new FitContext { Seed = 5 });
        for (var i = 0; i < train.ItemCount; i++)
            Assert.True(a.ImplicitFactors(i).SequenceEqual(b.ImplicitFactors(i)));
        for (var u = 0; u < train.UserCount; u++)
            Assert.True(a.UserFactors(u).SequenceEqual(b.UserFactors(u)));
    }

    [Fact]
    public void A_cold_user_gets_the_implicit_term_of_their_history()
    {
        var train = new TrainingSet(Checkerboard.Explicit());
        var model = new SvdPlusPlus(Small);
        model.Fit(train, new FitContext { Seed = 5 });
        int[] items = [0, 2, 4, 6, 1, 3, 5];
        float[] likesEven = [5, 5, 4.5f, 5, 1, 1, 1.5f];
        Assert.All(model.Recommend(UserQuery.Anonymous(items, likesEven), 10), r => Assert.Equal(0, r.Item % 2));
        float[] likesOdd = [1, 1, 1, 1, 5, 5, 5];
        Assert.All(model.Recommend(UserQuery.Anonymous(items, likesOdd), 10), r => Assert.Equal(1, r.Item % 2));
    }

    [Fact]
    public void Too_large_a_learning_rate_stops_with_the_epoch()
    {
        var model = new SvdPlusPlus(Small with { LearningRate = 5f });
        var e = Assert.Throws<TrainingDivergedException>(() => model.Fit(new TrainingSet(Checkerboard.Explicit()), new FitContext { Seed = 1 }));
        Assert.Contains($"epoch {e.Step}", e.Message);
    }

    [Fact]
    public void Is_registered_with_Surprise_defaults()
    {
        var model = (SvdPlusPlus)RecommenderRegistry.Default.Parse("svdpp");
        Assert.Equal(20, model.Options.Factors);
        Assert.Equal(0.007f, model.Options.LearningRate);
        Assert.Equal(0.02f, model.Options.Regularization);
    }
}
