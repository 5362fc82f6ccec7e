using MathNet.Numerics.LinearAlgebra;
using RecLab.Data;
using RecLab.Recommenders;
using RecLab.Recommenders.Factorization;
using RecLab.Tests.Support;

namespace RecLab.Tests.Recommenders.Factorization;

public sealed class ImplicitAlsTests : RecommenderContract<ImplicitAls>
{
    protected override ImplicitAls Create() => new(new ImplicitAlsOptions { Factors = 8, Iterations = 8 });

    private static TrainingSet Board => new(Checkerboard.Implicit());

    private static ImplicitAls Fit(ImplicitAlsOptions options, TrainingSet? train = null, int threads = 2)
    {
        var model = new ImplicitAls(options);
        model.Fit(train ?? Board, new FitContext { Seed = 42, MaxThreads = threads });
        return model;
    }

    [Fact]
    public void Results_do_not_depend_on_the_thread_count()
    {
        var options = new ImplicitAlsOptions { Factors = 16, Iterations = 5 };
        var one = Fit(options, threads: 1);
        var four = Fit(options, threads: 4);
        for (var u = 0; u < Checkerboard.Users; u++)
            Assert.Equal(one.UserFactors(u).ToArray(), four.UserFactors(u).ToArray());
        for (var i = 0; i < Checkerboard.Items; i++)
            Assert.Equal(one.ItemFactors(i).ToArray(), four.ItemFactors(i).ToArray());
    }

    [Fact]
    public void Conjugate_gradient_with_many_steps_matches_the_exact_solver()
    {
        var cg = Fit(new ImplicitAlsOptions { Factors = 6, Iterations = 6, CgSteps = 30, Alpha = 2 });
        var exact = Fit(new ImplicitAlsOptions { Factors = 6, Iterations = 6, Solver = AlsSolver.Cholesky, Alpha = 2 });
        for (var i = 0; i < Checkerboard.Items; i++)
            for (var f = 0; f < 6; f++)
                Assert.True(Math.Abs(cg.ItemFactors(i)[f] - exact.ItemFactors(i)[f]) < 1e-3,
                    $"item {i} factor {f}: CG {cg.ItemFactors(i)[f]}, Cholesky {exact.ItemFactors(i)[f]}");
    }

    [Fact]
    public void Fold_in_solves_the_normal_equations_with_item_factors_fixed()
    {
        var model = Fit(new ImplicitAlsOptions { Factors = 8, Iterations = 5, Alpha = 3 });
        int[] items = [1, 3, 5, 7, 11];
        float[] values = [1, 2, 1, 4, 1];
        var x = model.FoldIn(items, values);

        const int k = 8;
        var y = Matrix<double>.Build.Dense(Checkerboard.Items, k, (i, f) => model.ItemFactors(i)[f]);
        var a = y.TransposeThisAndMultiply(y) + 0.01 * Matrix<double>.Build.DenseIdentity(k);
        var b = Vector<double>.Build.Dense(k);
        for (var n = 0; n < items.Length; n++)
        {
            var yi = y.Row(items[n]);
            var c = 1 + 3.0 * values[n];
            a += (c - 1) * yi.OuterProduct(yi);
            b += c * yi;
        }
        var expected = a.Solve(b);
        for (var f = 0; f < k; f++)
            Assert.Equal(expected[f], x[f], 3);
    }

    [Fact]
    public void A_cold_user_is_served_from_their_history_alone()
    {
        var model = Fit(new ImplicitAlsOptions { Factors = 8, Iterations = 10 });
        // A newcomer who liked some even items gets the other even items first.
        var list = model.Recommend(UserQuery.Anonymous([0, 2, 4, 6, 8, 10]), 10);
        Assert.Equal(10, list.Length);
        Assert.All(list, r => Assert.Equal(0, r.Item % 2));
    }

    [Fact]
    public void Progress_is_reported_once_per_iteration()
    {
        var recorder = new ProgressRecorder<FitProgress>();
        var model = new ImplicitAls(new ImplicitAlsOptions { Factors = 4, Iterations = 3 });
        model.Fit(Board, new FitContext { Seed = 1, Progress = recorder });
        Assert.Equal([1, 2, 3], recorder.Reports.Select(r => r.Step));
        Assert.All(recorder.Reports, r => Assert.Equal(3, r.TotalSteps));
    }

    [Theory]
    [InlineData(AlsSolver.Cg)]       // NaN factors after the sweep
    [InlineData(AlsSolver.Cholesky)] // a row's system is no longer positive definite during it
    public void Divergence_stops_the_fit_naming_the_iteration(AlsSolver solver)
    {
        var model = new ImplicitAls(new ImplicitAlsOptions { Factors = 4, Iterations = 3, Alpha = 1e38f, Regularization = 0, Solver = solver });
        var e = Assert.Throws<TrainingDivergedException>(() => model.Fit(Board, new FitContext { Seed = 1 }));
        Assert.Equal(("implicit-als", "iteration", 1), (e.Algorithm, e.Stage, e.Step));
        Assert.Contains("implicit-als diverged at iteration 1", e.Message);
        Assert.Contains("Regularization", e.Hint);
        Assert.False(model.IsFitted);
    }

    [Fact]
    public void Is_registered_with_its_options()
    {
        var model = RecommenderRegistry.Default.Parse("implicit-als:factors=12,alpha=0,solver=cholesky");
        var als = Assert.IsType<ImplicitAls>(model);
        Assert.Equal(12, als.Options.Factors);
        Assert.Equal(AlsSolver.Cholesky, als.Options.Solver);
    }
}
