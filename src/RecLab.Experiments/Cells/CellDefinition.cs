using System.Text.Json.Nodes;
using RecLab.Experiments.Schema;
using RecLab.Randomness;
using RecLab.Recommenders;
using RecLab.Splitting;

namespace RecLab.Experiments.Cells;

/// <summary>
/// Everything that determines a cell's result, typed: the dataset with its preparation, the split, the fold, the
/// algorithm with every option, the metrics, the evaluation options and the seeds. Its canonical JSON, id and seeds
/// are computed once, when it is made.
/// </summary>
/// <remarks>
/// A class, not a record: <c>with</c> would copy the computed text and id along with a changed part.
/// </remarks>
public sealed class CellDefinition
{
    /// <summary>Version of the definition format; part of every id, so a change of meaning gives new ids.</summary>
    public const int Format = 2;

    /// <summary>Makes the definition of one cell and computes its text, id and seeds.</summary>
    public CellDefinition(ulong seed, DatasetConfig dataset, ISplitter split, int fold, string kind, RecommenderOptions options,
        bool trainImplicit, IReadOnlyList<string> metrics, EvaluationConfig evaluation, ulong repeatSeed, int? onboarding)
    {
        Seed = seed;
        Dataset = dataset;
        Split = split;
        Fold = fold;
        Kind = kind;
        Options = options;
        TrainImplicit = trainImplicit;
        Metrics = [.. metrics.Order(StringComparer.Ordinal)];
        Evaluation = evaluation;
        RepeatSeed = repeatSeed;
        Onboarding = onboarding;

        DatasetKey = CanonicalJson.Write(DatasetNode(dataset));
        Json = CanonicalJson.Write(Node(DatasetNode(dataset), onboarding));
        Id = CanonicalJson.Sha256(Json)[..16];
        // Seeds follow the dataset's name, not its source: moving the data to another folder must not change results.
        SplitSeed = Seeds.Derive(seed, Seeds.Hash("dataset:" + dataset.Name), Seeds.Hash(split.Spec), repeatSeed);
        // Every onboarding size measures the same fitted model: the fit seed comes from the definition without it.
        var seedNode = Node(JsonValue.Create(dataset.Name), null);
        FitSeed = Seeds.Derive(seed, Seeds.Hash(CanonicalJson.Sha256(CanonicalJson.Write(seedNode))[..16]));
    }

    /// <summary>The experiment seed.</summary>
    public ulong Seed { get; }

    /// <summary>The dataset (its name names tables and seeds; its source and preparation are in the id).</summary>
    public DatasetConfig Dataset { get; }

    /// <summary>The split, parsed once for the whole plan (with an onboarding curve: raised to hand out its largest size).</summary>
    public ISplitter Split { get; }

    /// <summary>0-based fold.</summary>
    public int Fold { get; }

    /// <summary>Registry name of the algorithm.</summary>
    public string Kind { get; }

    /// <summary>The algorithm's full options, defaults filled in.</summary>
    public RecommenderOptions Options { get; }

    /// <summary>True when the algorithm trains on the ratings as implicit interactions.</summary>
    public bool TrainImplicit { get; }

    /// <summary>Metric names, sorted: the order they are listed in changes the reports' columns, not any result.</summary>
    public IReadOnlyList<string> Metrics { get; }

    /// <summary>The evaluation options (those that change results are part of the id).</summary>
    public EvaluationConfig Evaluation { get; }

    /// <summary>The repeat's seed.</summary>
    public ulong RepeatSeed { get; }

    /// <summary>Onboarding interactions handed to each cold user's query; null without an onboarding curve.</summary>
    public int? Onboarding { get; }

    /// <summary>Canonical JSON of the whole definition: what <see cref="Id"/> hashes and cell files store.</summary>
    public string Json { get; }

    /// <summary>First 16 hex digits of the SHA-256 of <see cref="Json"/>.</summary>
    public string Id { get; }

    /// <summary>Canonical JSON of the dataset's source and preparation (its name excluded): the key of the shared dataset.</summary>
    public string DatasetKey { get; }

    /// <summary>Seed of the split: from the experiment seed, dataset name, split and repeat only, so every algorithm sees the same folds.</summary>
    public ulong SplitSeed { get; }

    /// <summary>Seed of the fit and of the bootstrap: from the definition without the onboarding size and with the dataset's name for its source.</summary>
    public ulong FitSeed { get; }

    /// <summary>A fresh JSON tree of the definition, keys sorted as <see cref="Json"/> writes them, for a cell file to embed.</summary>
    public JsonObject ToNode() => CanonicalJson.Sorted(Node(DatasetNode(Dataset), Onboarding))!.AsObject();

    /// <summary>The canonical evaluation options that change results (<c>activity_buckets</c> only when set, so the ids of cells without stay as they were).</summary>
    public static JsonObject EvaluationNode(EvaluationConfig evaluation)
    {
        var node = new JsonObject
        {
            ["relevance_threshold"] = CanonicalJson.ToNode(evaluation.RelevanceThreshold),
            ["candidates"] = CanonicalJson.ToNode(evaluation.Candidates),
            ["per_user"] = evaluation.PerUser,
            ["confidence_level"] = CanonicalJson.ToNode(evaluation.ConfidenceLevel),
            ["bootstrap_resamples"] = evaluation.BootstrapResamples,
        };
        if (evaluation.ActivityBuckets is { } bounds)
            node["activity_buckets"] = new JsonArray(bounds.Select(b => (JsonNode?)JsonValue.Create(b)).ToArray());
        return node;
    }

    /// <summary>The sorted metric names as a JSON array.</summary>
    public static JsonArray MetricsNode(IEnumerable<string> metrics) =>
        new(metrics.Order(StringComparer.Ordinal).Select(n => (JsonNode?)JsonValue.Create(n)).ToArray());

    /// <inheritdoc cref="Json"/>
    public override string ToString() => Json;

    private static JsonObject DatasetNode(DatasetConfig dataset)
    {
        var node = CanonicalJson.ToNode(dataset)!.AsObject();
        node.Remove("name");
        return node;
    }

    private JsonObject Node(JsonNode dataset, int? onboarding)
    {
        var algorithm = new JsonObject { ["kind"] = Kind, ["options"] = CanonicalJson.ToNode(Options) };
        // Only when set, so the cells of files without it keep their ids.
        if (TrainImplicit)
            algorithm["train_implicit"] = true;
        var node = new JsonObject
        {
            ["format"] = Format,
            ["seed"] = Seed,
            ["dataset"] = dataset,
            ["split"] = Split.Spec,
            ["fold"] = Fold,
            ["algorithm"] = algorithm,
            ["metrics"] = MetricsNode(Metrics),
            ["evaluation"] = EvaluationNode(Evaluation),
            ["repeat_seed"] = RepeatSeed,
        };
        if (onboarding is { } size)
            node["onboarding"] = size;
        return node;
    }
}
