using System.Diagnostics;
using RecLab.Data;
using RecLab.Data.Synthetic;
using RecLab.Randomness;
using RecLab.Recommenders;
using RecLab.Simulation.Behaviour;
using RecLab.Simulation.Policies;

namespace RecLab.Simulation.AbTesting;

/// <summary>
/// Runs a simulated A/B test on a synthetic world: users are assigned to arms by a salted hash of their id; after an
/// optional pre-period on the control arm, each user lives the test days under their arm's policy; arms may be
/// retrained every K days on the historical log plus the clicks of their own users (the feedback loop). Exploration
/// arms (<see cref="Recommenders.ColdStart.BanditRanker"/>) learn from their own users' impressions at the end of every day.
/// </summary>
/// <remarks>
/// Users are simulated in parallel over fixed chunks, each user-day from its own stream
/// <c>Seeds.Derive(seed, arm, user, day)</c> and each fit from a seed derived from the test seed, so a run is the same
/// whatever the thread count. A user's ranking is computed once per fitted model and cached.
/// </remarks>
public static class AbSimulator
{
    private const int Chunk = 64;
    private const int SecondsPerDay = 86_400;

    /// <summary>Runs the test.</summary>
    /// <exception cref="ArgumentException">Invalid options, or a fitted policy from another world.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static AbRun Run(World world, AbTestOptions options, IProgress<AbProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var heapBefore = HeapGuard.Size;
        var run = Simulate(world, options, progress, cancellationToken);
        // The rankings, seen items and fatigue of every user are garbage once Simulate returns; on a million users they
        // are gigabytes, which the analysis and the CSVs written next would otherwise pile their allocations on.
        HeapGuard.CollectIfGrownSince(heapBefore);
        return run;
    }

    private static AbRun Simulate(World world, AbTestOptions options, IProgress<AbProgress>? progress, CancellationToken cancellationToken)
    {
        var wall = Stopwatch.StartNew();
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var arms = options.Arms;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxThreads ?? -1, CancellationToken = cancellationToken };
        var threads = options.MaxThreads ?? Environment.ProcessorCount;

        var assignment = TrafficAssignment.Assign(world.UserIds, options.Salt, [.. arms.Select(a => a.Traffic)]);
        var memberIndex = new int[assignment.Length];
        var members = new List<int>[arms.Count];
        for (var a = 0; a < arms.Count; a++)
            members[a] = [];
        var inTest = new List<int>(assignment.Length);
        for (var u = 0; u < assignment.Length; u++)
        {
            if (assignment[u] < 0)
                continue;
            memberIndex[u] = members[assignment[u]].Count;
            members[assignment[u]].Add(u);
            inTest.Add(u);
        }
        var runs = new ArmRun[arms.Count];
        for (var a = 0; a < arms.Count; a++)
            runs[a] = new ArmRun(arms[a].Name, arms[a].Traffic, [.. members[a]], options.Days, world.Items.Count, world.Creators.Count);

        var history = world.Implicit();
        var fitSeed = Seeds.Derive(options.Seed, "fit");
        var fitClock = Stopwatch.StartNew();
        var policies = new Policy[arms.Count];
        for (var a = 0; a < arms.Count; a++)
        {
            progress?.Report(new AbProgress("fit", a, arms.Count, arms[a].Name));
            if (arms[a].Fitted is { } fitted)
            {
                if (!ReferenceEquals(fitted.World, world))
                    throw new ArgumentException($"Arm '{arms[a].Name}': its fitted policy serves another world.");
                policies[a] = fitted;
                continue;
            }
            policies[a] = FitArm(world, arms[a], history, Seeds.Derive(fitSeed, (ulong)a, 0), threads, cancellationToken, runs[a]);
        }
        progress?.Report(new AbProgress("fit", arms.Count, arms.Count));
        var fitSeconds = fitClock.Elapsed.TotalSeconds;

        var context = new BlockContext(world, new DaySimulator(world, options.Behaviour, options.Economics), [.. inTest], assignment,
            memberIndex, runs, parallel, new UserState?[assignment.Length], new Viewer?[assignment.Length])
        {
            RevenueEffects = [.. arms.Select(a => a.RevenueEffect)],
        };
        var retrain = options.RetrainEvery is not null;

        var heap = new HeapGuard();
        var preClock = Stopwatch.StartNew();
        var preClicks = new List<LoggedClick>();
        if (options.PreDays > 0)
        {
            var control = policies[0];
            // Arm by arm: users ranked together share their block's arrays, so blocks that mixed arms would outlive the
            // lists of the other arms' users, forgotten after the pre-period; in this order only the block at an arm's
            // boundary mixes (the lists are the same in any blocks).
            control.Prepare([.. members.SelectMany(m => m)], parallel);
            for (var day = 0; day < options.PreDays; day++)
            {
                progress?.Report(new AbProgress("pre-period", day, options.PreDays));
                context.DeepenAhead(_ => control);
                preClicks.AddRange(context.Run(_ => control, Seeds.Derive(options.Seed, "pre-period"), keyByArm: false,
                    world.Options.Days, day, day + 1, pre: true, logClicks: retrain, explore: false).Clicks);
                heap.AfterDay();
            }
            progress?.Report(new AbProgress("pre-period", options.PreDays, options.PreDays));
        }
        var preSeconds = preClock.Elapsed.TotalSeconds;
        // The pre-period ranked everyone under the control policy; users of the other arms never see it again, and on a
        // million users those lists are gigabytes.
        if (options.PreDays > 0)
            foreach (var u in inTest)
                if (!ReferenceEquals(policies[assignment[u]], policies[0]))
                    policies[0].Forget(u);

        var testClock = Stopwatch.StartNew();
        var retrainSeconds = 0.0;
        var firstDay = world.Options.Days + options.PreDays;
        var testSeed = Seeds.Derive(options.Seed, "test");
        var armClicks = new List<LoggedClick>[arms.Count];
        for (var a = 0; a < arms.Count; a++)
            armClicks[a] = [];
        var block = options.RetrainEvery ?? options.Days;
        for (var start = 0; start < options.Days; start += block)
        {
            var end = Math.Min(options.Days, start + block);
            for (var a = 0; a < arms.Count; a++)
                policies[a].Prepare(members[a], parallel);
            // Day by day: exploration arms learn from each day's clicks before the next, and progress counts days. A user's
            // days run in the same order with the same streams as in one pass, and the counters are integers, so nothing moves.
            var exploring = policies.Any(p => p.Exploration is not null);
            var logged = new List<LoggedClick>();
            for (var day = start; day < end; day++)
            {
                progress?.Report(new AbProgress("test", day, options.Days));
                context.DeepenAhead(u => policies[assignment[u]]);
                var (clicks, explored) = context.Run(u => policies[assignment[u]], testSeed, keyByArm: true, firstDay, day, day + 1,
                    pre: false, logClicks: retrain, explore: exploring);
                logged.AddRange(clicks);
                for (var a = 0; a < arms.Count; a++)
                    policies[a].Exploration?.Learn(explored[a]);
                heap.AfterDay();
            }
            if (!retrain || end >= options.Days)
                continue;
            foreach (var click in logged)
                armClicks[assignment[click.User]].Add(click);
            var retrainClock = Stopwatch.StartNew();
            for (var a = 0; a < arms.Count; a++)
            {
                progress?.Report(new AbProgress("retrain", a, arms.Count, arms[a].Name));
                var training = Merge(world, history, preClicks, armClicks[a]);
                var arm = arms[a] with { Slate = policies[a].Slate, Sponsored = policies[a].Sponsored };
                var learnt = policies[a].Exploration;
                policies[a] = FitArm(world, arm, training, Seeds.Derive(fitSeed, (ulong)a, (ulong)(start / block + 1)), threads, cancellationToken, runs[a]);
                if (learnt is not null)
                    policies[a].Exploration = learnt;
            }
            progress?.Report(new AbProgress("retrain", arms.Count, arms.Count));
            retrainSeconds += retrainClock.Elapsed.TotalSeconds;
        }
        progress?.Report(new AbProgress("test", options.Days, options.Days));
        var testSeconds = testClock.Elapsed.TotalSeconds - retrainSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
        var timing = new AbTiming(fitSeconds, preSeconds, testSeconds, retrainSeconds, wall.Elapsed.TotalSeconds, cpu);
        return new AbRun(world, options, runs, firstDay, assignment.Length - inTest.Count, timing);
    }

    private static Policy FitArm(World world, AbArm arm, InteractionData training, ulong seed, int threads, CancellationToken ct, ArmRun run)
    {
        var clock = Stopwatch.StartNew();
        var context = new FitContext { Seed = seed, MaxThreads = threads, CancellationToken = ct };
        var policy = Policy.Fit(world, arm.Recommender(), training, context, arm.Slate, arm.Sponsored);
        run.AddFit(clock.Elapsed.TotalSeconds);
        return policy;
    }

    /// <summary>The historical implicit view plus simulated clicks, weights summed per (user, item).</summary>
    internal static InteractionData Merge(World world, InteractionData history, List<LoggedClick> first, List<LoggedClick> second)
    {
        var builder = new InteractionDataBuilder(capacity: history.Count + first.Count + second.Count);
        var items = history.ItemColumn;
        var values = history.ValueColumn;
        for (var u = 0; u < history.UserCount; u++)
        {
            var (offset, length) = history.RowsOf(u).GetOffsetAndLength(history.Count);
            for (var r = offset; r < offset + length; r++)
                builder.Add(u, items[r], values[r], history.TimestampAt(r));
        }
        foreach (var list in new[] { first, second })
            foreach (var c in list)
                builder.Add(c.User, c.Item, c.Value, world.StartUnixSeconds + (long)c.Day * SecondsPerDay + SecondsPerDay / 2);
        return builder.Build(FeedbackKind.Implicit, null, DuplicatePolicy.Sum, world.UserIds, world.ItemIds, out _);
    }

    /// <summary>Everything a block of days needs, so the parallel loop reads as the model.</summary>
    private sealed record BlockContext(World World, DaySimulator Simulator, int[] Users, int[] Assignment, int[] MemberIndex,
        ArmRun[] Runs, ParallelOptions Parallel, UserState?[] States, Viewer?[] Viewers)
    {
        /// <summary>
        /// Simulates test days [<paramref name="start"/>, <paramref name="end"/>) (world day <c>firstDay + d</c>) for every
        /// user in the test, in parallel over fixed chunks of users; returns the logged clicks in user order when asked,
        /// and per arm what exploration arms showed from their candidates (in user order) when <paramref name="explore"/>.
        /// </summary>
        public (List<LoggedClick> Clicks, List<ExploredImpression>[] Explored) Run(Func<int, Policy> policyOf, ulong seed, bool keyByArm,
            int firstDay, int start, int end, bool pre, bool logClicks, bool explore)
        {
            var chunks = (Users.Length + Chunk - 1) / Chunk;
            var chunkClicks = new List<LoggedClick>?[chunks];
            var chunkExplored = new List<ExploredImpression>?[chunks, Runs.Length];
            System.Threading.Tasks.Parallel.For(0, chunks, Parallel, Simulator.NewScratch, (c, _, scratch) =>
            {
                var clicks = logClicks ? chunkClicks[c] = [] : null;
                var stop = Math.Min(Users.Length, (c + 1) * Chunk);
                for (var k = c * Chunk; k < stop; k++)
                {
                    var u = Users[k];
                    var arm = Assignment[u];
                    var run = Runs[arm];
                    var member = MemberIndex[u];
                    var policy = policyOf(u);
                    var state = States[u] ??= new UserState(World, u);
                    var viewer = Viewers[u] ??= new Viewer();
                    var counters = pre ? null : run.Counters;
                    var factor = pre ? 1.0 : 1.0 + RevenueEffect(arm);
                    for (var d = start; d < end; d++)
                    {
                        var rng = new Rng(keyByArm ? Seeds.Derive(seed, (ulong)arm, (ulong)u, (ulong)d) : Seeds.Derive(seed, (ulong)u, (ulong)d));
                        ref var activity = ref pre ? ref run.PreOf(member) : ref run.DailyOf(member)[d];
                        var explored = explore && policy.Exploration is not null ? chunkExplored[c, arm] ??= [] : null;
                        Simulator.Run(policy, firstDay + d, state, viewer, ref rng, scratch, counters, factor, ref activity, clicks, explored);
                    }
                }
                return scratch;
            }, _ => { });
            var all = new List<LoggedClick>();
            foreach (var part in chunkClicks)
                if (part is not null)
                    all.AddRange(part);
            var byArm = new List<ExploredImpression>[Runs.Length];
            for (var a = 0; a < byArm.Length; a++)
            {
                byArm[a] = [];
                for (var c = 0; c < chunks; c++)
                    if (chunkExplored[c, a] is { } part)
                        byArm[a].AddRange(part);
            }
            return (all, byArm);
        }

        public double[] RevenueEffects { get; init; } = [];

        /// <summary>
        /// Before a day: the users whose cached ranking is likely to run out during it (fewer candidates left past
        /// their cursor than <see cref="Lookahead"/> times what they see on an average day) are deepened together, a
        /// block of users at a time, instead of one by one when they run out mid-session. A wrong guess costs time
        /// only: the lists are the ones deepening on demand computes, and a user who outruns them is deepened on demand.
        /// </summary>
        public void DeepenAhead(Func<int, Policy> policyOf)
        {
            var due = new Dictionary<Policy, List<int>>(ReferenceEqualityComparer.Instance);
            var users = World.Users;
            foreach (var u in Users)
            {
                var policy = policyOf(u);
                var runway = policy.Runway(u);
                if (runway == int.MaxValue)
                    continue;
                var cursor = Viewers[u] is { } viewer && ReferenceEquals(viewer.Policy, policy) ? viewer.Cursor : 0;
                var slate = policy.Slate;
                var need = Lookahead * users.Activity(u) * Math.Min(users.Attention(u), slate.Size)
                    + (slate.DiversityLambda < 1 ? slate.DiversityPool : 0);
                if (runway - cursor >= need)
                    continue;
                if (!due.TryGetValue(policy, out var list))
                    due[policy] = list = [];
                list.Add(u);
            }
            foreach (var (policy, list) in due)
            {
                // Arm by arm, as in the pre-period's ranking (the control policy serves everyone then): see there. In the
                // test each policy's users are one arm's, already in this order.
                list.Sort((a, b) => Assignment[a] != Assignment[b] ? Assignment[a].CompareTo(Assignment[b]) : a.CompareTo(b));
                policy.Deepen(list, Parallel);
            }
        }

        /// <summary>
        /// How many average days of scrolling a ranking must still cover for its user to be left alone: at 3 about one
        /// user in a hundred of those deepened in a 14-day test on synthetic:large still runs out mid-day.
        /// </summary>
        private const float Lookahead = 3;

        private double RevenueEffect(int arm) => arm < RevenueEffects.Length ? RevenueEffects[arm] : 0;
    }
}
