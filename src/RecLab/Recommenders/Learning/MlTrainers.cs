using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace RecLab.Recommenders.Learning;

/// <summary>
/// The one place RecLab calls ML.NET's trainers. Every trainer gets an <c>MLContext</c> seeded from the fit's seed and
/// one thread: FastTree, LightGBM and L-BFGS split their work by thread count, and the lab promises the same bytes for
/// the same seed whatever <c>--jobs</c> is. The fitted parameters are read out into small scorers
/// (<see cref="LinearScorer"/>, <see cref="FfmScorer"/>, <see cref="TreeScorer"/>) for fast, thread-safe scoring.
/// </summary>
internal static class MlTrainers
{
    /// <summary>
    /// A context seeded from a 64-bit seed. ML.NET 6 exposes no public way to interrupt a trainer, so cancellation is
    /// checked before each fit and honoured as soon as it returns.
    /// </summary>
    public static MLContext Context(ulong seed, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return new MLContext(IntSeed(seed));
    }

    /// <summary>The 31-bit seed ML.NET and LightGBM take, derived from the fit's.</summary>
    private static int IntSeed(ulong seed) => (int)(Randomness.Seeds.Derive(seed, "ml.net") & int.MaxValue);

    /// <summary>L-BFGS logistic regression (L2 only) on field 0; returns its margin scorer and the Platt map to a probability.</summary>
    public static Trained<LinearScorer> Logistic(IFeatureRows rows, double l2, int iterations, ulong seed, CancellationToken ct)
    {
        var ml = Context(seed, ct);
        var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = FeatureTable.LabelColumn,
            FeatureColumnName = FeatureTable.FieldColumn(0),
            L1Regularization = 0,
            L2Regularization = (float)l2,
            MaximumNumberOfIterations = iterations,
            OptimizationTolerance = 1e-7f,
            NumberOfThreads = 1,
            ShowTrainingStatistics = false,
        });
        // L-BFGS passes over the rows once per iteration: cache them rather than rebuild every row's features each time.
        var fitted = Run(ct, () => trainer.Fit(ml.Data.Cache(new FeatureTable(rows, ranking: false))));
        var linear = fitted.Model.SubModel;
        return new(new LinearScorer([.. linear.Weights], linear.Bias), Platt.Of(fitted.Model.Calibrator), fitted);
    }

    /// <summary>Field-aware factorization machine over every field of <paramref name="rows"/>.</summary>
    public static Trained<FfmScorer> Ffm(IFeatureRows rows, FfmSettings s, ulong seed, CancellationToken ct)
    {
        var ml = Context(seed, ct);
        var table = new FeatureTable(rows, ranking: false);
        var columns = table.FieldColumns;
        var trainer = ml.BinaryClassification.Trainers.FieldAwareFactorizationMachine(new FieldAwareFactorizationMachineTrainer.Options
        {
            LabelColumnName = FeatureTable.LabelColumn,
            FeatureColumnName = columns[0],
            ExtraFeatureColumns = columns[1..],
            LatentDimension = s.Factors,
            NumberOfIterations = s.Epochs,
            LearningRate = (float)s.LearningRate,
            LambdaLinear = (float)s.LinearRegularization,
            LambdaLatent = (float)s.LatentRegularization,
            NormalizeFeatures = true,
            Shuffle = true,
        });
        var fitted = Run(ct, () => trainer.Fit(table));
        var model = fitted.Model;
        // ML.NET's FFM maps its response to a probability by the logistic function: a Platt map of slope -1.
        return new(new FfmScorer([.. model.GetLinearWeights()], [.. model.GetLatentWeights()], model.FieldCount, model.LatentDimension, normalize: true),
            new Platt(-1, 0), fitted);
    }

    /// <summary>Gradient-boosted trees for binary classification on field 0 (FastTree, or LightGBM with <paramref name="lightGbm"/>).</summary>
    public static Trained<TreeScorer> BoostedTrees(IFeatureRows rows, TreeSettings s, bool lightGbm, ulong seed, CancellationToken ct)
    {
        var ml = Context(seed, ct);
        var table = new FeatureTable(rows, ranking: false);
        var feature = FeatureTable.FieldColumn(0);
        if (lightGbm)
        {
            var trainer = ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            {
                LabelColumnName = FeatureTable.LabelColumn,
                FeatureColumnName = feature,
                NumberOfIterations = s.Trees,
                NumberOfLeaves = s.Leaves,
                LearningRate = s.LearningRate,
                MinimumExampleCountPerLeaf = s.MinExamplesPerLeaf,
                NumberOfThreads = 1,
                Seed = IntSeed(seed),
                Deterministic = true,
                Silent = true,
                Verbose = false,
            });
            var model = Run(ct, () => trainer.Fit(table));
            return new(new TreeScorer(model.Model.SubModel.TrainedTreeEnsemble), Platt.Of(model.Model.Calibrator), model);
        }
        var fastTree = ml.BinaryClassification.Trainers.FastTree(FastTree(new FastTreeBinaryTrainer.Options(), s));
        var fitted = Run(ct, () => fastTree.Fit(table));
        return new(new TreeScorer(fitted.Model.SubModel.TrainedTreeEnsemble), Platt.Of(fitted.Model.Calibrator), fitted);
    }

    /// <summary>LambdaMART (FastTree's ranking trainer, or LightGBM's lambdarank) on field 0, rows grouped by query.</summary>
    public static Trained<TreeScorer> Ranker(IFeatureRows rows, TreeSettings s, bool lightGbm, ulong seed, CancellationToken ct)
    {
        var ml = Context(seed, ct);
        var table = new FeatureTable(rows, ranking: true);
        var feature = FeatureTable.FieldColumn(0);
        if (lightGbm)
        {
            var trainer = ml.Ranking.Trainers.LightGbm(new LightGbmRankingTrainer.Options
            {
                LabelColumnName = FeatureTable.LabelColumn,
                RowGroupColumnName = FeatureTable.GroupColumn,
                FeatureColumnName = feature,
                NumberOfIterations = s.Trees,
                NumberOfLeaves = s.Leaves,
                LearningRate = s.LearningRate,
                MinimumExampleCountPerLeaf = s.MinExamplesPerLeaf,
                NumberOfThreads = 1,
                Seed = IntSeed(seed),
                Deterministic = true,
                Silent = true,
                Verbose = false,
            });
            var model = Run(ct, () => trainer.Fit(table));
            return new(new TreeScorer(model.Model.TrainedTreeEnsemble), default, model);
        }
        var fastTree = ml.Ranking.Trainers.FastTree(FastTree(new FastTreeRankingTrainer.Options { RowGroupColumnName = FeatureTable.GroupColumn }, s));
        var ranker = Run(ct, () => fastTree.Fit(table));
        return new(new TreeScorer(ranker.Model.TrainedTreeEnsemble), default, ranker);
    }

    /// <summary>The settings every FastTree trainer here shares, on one thread.</summary>
    private static T FastTree<T>(T options, TreeSettings s) where T : BoostedTreeOptions
    {
        options.LabelColumnName = FeatureTable.LabelColumn;
        options.FeatureColumnName = FeatureTable.FieldColumn(0);
        options.NumberOfTrees = s.Trees;
        options.NumberOfLeaves = s.Leaves;
        options.LearningRate = s.LearningRate;
        options.MinimumExampleCountPerLeaf = s.MinExamplesPerLeaf;
        options.NumberOfThreads = 1;
        return options;
    }

    private static T Run<T>(CancellationToken ct, Func<T> train)
    {
        var result = train();
        ct.ThrowIfCancellationRequested();
        return result;
    }
}
