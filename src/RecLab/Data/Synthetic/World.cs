namespace RecLab.Data.Synthetic;

/// <summary>
/// A synthetic attention economy, immutable once generated: topics, users, creators, items, the follow graph,
/// the logging policy and the historical log it produced, together with the ground truth that generated the log
/// (affinity, examination, click, like, purchase and rating models). It is RecLab's embedded default dataset
/// (<c>synthetic:small</c>) and the world the A/B simulator queries; per-user state that changes during a
/// simulation lives outside, in <see cref="UserState"/>.
/// </summary>
/// <remarks>
/// Same options, same world, byte for byte, whatever the thread count: every random choice comes from a stream
/// derived from <see cref="WorldOptions.Seed"/>, the entity kind and a fixed partition of the entities.
/// </remarks>
public sealed partial class World
{
    private WorldLog? _log;

    internal World(WorldOptions options, IReadOnlyList<Topic> topics, WorldUsers users, WorldCreators creators, WorldItems items,
        FollowGraph follows, LoggingPolicy policy)
    {
        Options = options;
        Topics = topics;
        Users = users;
        Creators = creators;
        Items = items;
        Follows = follows;
        Policy = policy;
        StartUnixSeconds = items.StartUnixSeconds;
        _examination = new float[ExaminationCacheSize];
        for (var k = 0; k < _examination.Length; k++)
            _examination[k] = (float)Math.Pow(1 + k, -options.PositionDecay);
    }

    /// <summary>Generates a world (in parallel over fixed partitions; the result does not depend on <paramref name="maxThreads"/>).</summary>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    public static World Generate(WorldOptions options, int? maxThreads = null, IProgress<SynthesisProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        WorldGenerator.Generate(options, maxThreads, progress, cancellationToken);

    /// <summary>Generates the world of a spec such as <c>small</c> or <c>tiny?users=800&amp;seed=7</c> (see <see cref="WorldOptions.Parse"/>).</summary>
    public static World Generate(string spec, int? maxThreads = null, IProgress<SynthesisProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        Generate(WorldOptions.Parse(spec), maxThreads, progress, cancellationToken);

    /// <summary>The options it was generated from.</summary>
    public WorldOptions Options { get; }

    /// <summary>The topics in use (indices in every topic field refer to this list).</summary>
    public IReadOnlyList<Topic> Topics { get; }

    /// <summary>The users.</summary>
    public WorldUsers Users { get; }

    /// <summary>The creators.</summary>
    public WorldCreators Creators { get; }

    /// <summary>The items, in publication order.</summary>
    public WorldItems Items { get; }

    /// <summary>The follow graph.</summary>
    public FollowGraph Follows { get; }

    /// <summary>The policy that chose the logged slates.</summary>
    public LoggingPolicy Policy { get; }

    /// <summary>The historical log.</summary>
    public WorldLog Log => _log ?? throw new InvalidOperationException("The log is generated with the world.");

    /// <summary>Unix time of the first logged day's midnight (UTC).</summary>
    public long StartUnixSeconds { get; }

    internal void AttachLog(WorldLog log) => _log = log;
}
