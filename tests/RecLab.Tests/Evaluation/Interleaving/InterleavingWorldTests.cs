using System.Diagnostics;
using RecLab.Data.Synthetic;
using RecLab.Evaluation.Interleaving;
using RecLab.Evaluation.Statistics;
using RecLab.Randomness;
using RecLab.Recommenders;
using RecLab.Recommenders.Baselines;
using RecLab.Recommenders.Factorization;
using RecLab.Tests.Data.Synthetic;

namespace RecLab.Tests.Evaluation.Interleaving;

/// <summary>
/// Team-draft interleaving against an A/B test on the same two rankers (implicit ALS against popularity, a smaller ALS
/// and random, fitted on the log of <c>tiny</c>), with clicks from the world's ground truth: position-based examination <c>(1 + k)^-0.6</c> times
/// the click probability of the true affinity, no fatigue. One session of 10 slots per user. Users are drawn with
/// replacement from the world's 500, each session with fresh click randomness.
/// </summary>
[Trait("Category", "Slow")]
public sealed class InterleavingWorldTests
{
    private const int Slots = 10;
    private const int Candidates = 20;
    private const double Alpha = 0.05;
    private const int Experiments = 300;

    public static TheoryData<string> Pairs => ["als-vs-popularity", "als-32-vs-als-8", "als-vs-random"];

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Interleaving_needs_fewer_users_than_an_a_b_test_on_ctr(string pair)
    {
        var stopwatch = Stopwatch.StartNew();
        var world = SyntheticWorlds.Tiny;
        var train = world.Implicit();
        var context = FitContext.Default with { Seed = 1, CancellationToken = TestContext.Current.CancellationToken };
        IRecommender a = new ImplicitAls(new ImplicitAlsOptions { Factors = 32 });
        IRecommender b = pair switch
        {
            "als-vs-popularity" => new MostPopular(),
            "als-vs-random" => new RandomRecommender(new RandomOptions()),
            _ => new ImplicitAls(new ImplicitAlsOptions { Factors = 8 }),
        };
        a.Fit(new TrainingSet(train), context);
        b.Fit(new TrainingSet(train), context);
        var users = world.Users.Count;
        var listA = new int[users][];
        var listB = new int[users][];
        for (var u = 0; u < users; u++)
        {
            var query = UserQuery.ForUser(train, u);
            listA[u] = Array.ConvertAll(a.Recommend(query, Candidates), s => s.Item);
            listB[u] = Array.ConvertAll(b.Recommend(query, Candidates), s => s.Item);
        }

        // Pilot: 200 sessions per user of each design give the spreads and effects to plan with (a small preference needs a
        // precise pilot: with 20 sessions per user its mean was off by a quarter and the plan under-powered).
        var abA = new List<double>();
        var abB = new List<double>();
        var preferences = new List<double>();
        var scratch = new Scratch();
        for (var u = 0; u < users; u++)
            for (var s = 0; s < 200; s++)
            {
                var rng = Seeds.Stream(Seeds.Derive(1, (ulong)u), (ulong)s);
                abA.Add(Clicks(world, u, listA[u], ref rng));
                abB.Add(Clicks(world, u, listB[u], ref rng));
                preferences.Add(Interleave(world, u, listA[u], listB[u], ref rng, scratch));
            }
        var sA = SampleSummary.Of([.. abA]);
        var sB = SampleSummary.Of([.. abB]);
        var pref = SampleSummary.Of([.. preferences]);
        var abSd = Math.Sqrt((sA.StandardDeviation * sA.StandardDeviation + sB.StandardDeviation * sB.StandardDeviation) / 2);
        // The A/B effect exactly, from the truth: expected clicks of a list = Σ_k e(k) · P(click | examined).
        var effect = 0.0;
        for (var u = 0; u < users; u++)
            effect += (Expected(world, u, listA[u]) - Expected(world, u, listB[u])) / users;
        var abUsers = PowerAnalysis.TotalUsers(abSd, effect, Alpha, 0.8);
        var tdiUsers = PowerAnalysis.PairedUsers(pref.StandardDeviation, pref.Mean, Alpha, 0.8);

        // Check the plans by simulation where affordable: detection rates at the planned sizes should be near 80%.
        var checkAb = abUsers <= 20_000;
        int abDetected = 0, tdiDetected = 0;
        for (var e = 0; e < Experiments; e++)
        {
            var rng = Seeds.Stream(Seeds.Derive(2, (ulong)e), 0);
            if (checkAb)
            {
                var armA = new double[abUsers / 2];
                var armB = new double[abUsers - abUsers / 2];
                for (var k = 0; k < armA.Length; k++)
                {
                    var u = rng.NextInt(users);
                    armA[k] = Clicks(world, u, listA[u], ref rng);
                }
                for (var k = 0; k < armB.Length; k++)
                {
                    var u = rng.NextInt(users);
                    armB[k] = Clicks(world, u, listB[u], ref rng);
                }
                abDetected += AbTests.MeanDifference(armB, armA).PValue < Alpha ? 1 : 0;
            }
            var outcomes = new int[tdiUsers];
            for (var k = 0; k < outcomes.Length; k++)
            {
                var u = rng.NextInt(users);
                outcomes[k] = (int)Interleave(world, u, listA[u], listB[u], ref rng, scratch);
            }
            tdiDetected += TeamDraft.Summarize(outcomes).SignTest.PValue < Alpha ? 1 : 0;
        }
        var abRate = abDetected / (double)Experiments;
        var tdiRate = tdiDetected / (double)Experiments;
        var ratio = abUsers / (double)tdiUsers;
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"{pair} on synthetic:tiny, one 10-slot session per user, alpha {Alpha}, 80% power:");
        output?.WriteLine($"  A/B on CTR: clicks per session {sA.Mean:0.0000} vs {sB.Mean:0.0000}, true difference {effect:0.0000} (sd {abSd:0.000}) -> {abUsers:N0} users" +
            (checkAb ? $"; detected in {abRate:P1} of {Experiments} simulated tests" : " (not simulated)"));
        output?.WriteLine($"  team-draft interleaving: preference mean {pref.Mean:+0.0000;-0.0000} (sd {pref.StandardDeviation:0.000}) -> {tdiUsers:N0} users; " +
            $"sign test detected in {tdiRate:P1}");
        output?.WriteLine($"  users A/B : interleaving = {ratio:0.0}; {stopwatch.Elapsed.TotalSeconds:0.0} s");
        if (checkAb)
            Assert.InRange(abRate, 0.7, 0.9);
        Assert.InRange(tdiRate, 0.65, 0.95);
        if (pair == "als-vs-popularity")
        {
            // Team draft lacks fidelity here (Hofmann, Whiteson and de Rijke 2011 show it can prefer the worse ranker when
            // the lists share items): ALS clicks more on the whole list and on its first 5 slots alike, yet popularity,
            // whose list shares ALS's head, wins slightly more interleaved sessions. The plan detects that preference.
            Assert.True(effect > 0 && pref.Mean < 0, "the calibrated tiny world's known disagreement between team draft and the truth has changed");
            return;
        }
        Assert.True(Math.Sign(pref.Mean) == Math.Sign(effect), $"interleaving prefers {(pref.Mean > 0 ? "A" : "B")}, the truth {effect:+0.0000;-0.0000}");
        // Where both see the same winner, interleaving needs fewer users: each user sees both rankers, so users who click
        // more or less than others cancel out. At the calibrated world's click rates (about 4% a slot) the clicks' own
        // noise dominates and the gain is small: 1.8x for the two ALS, 1.2x against random.
        Assert.True(ratio > 1, $"A/B {abUsers} users against interleaving {tdiUsers}");
    }

    private sealed class Scratch
    {
        public int[] Items { get; } = new int[Slots];
        public sbyte[] Teams { get; } = new sbyte[Slots];
        public bool[] Clicked { get; } = new bool[Slots];
    }

    private static double Expected(World world, int user, int[] list)
    {
        var sum = 0.0;
        for (var k = 0; k < Slots && k < list.Length; k++)
            sum += world.ExaminationProbability(k) * world.ClickProbabilityIfExamined(world.Affinity(user, list[k]), 0);
        return sum;
    }

    private static double Clicks(World world, int user, int[] list, ref Rng rng)
    {
        var clicks = 0;
        for (var k = 0; k < Slots && k < list.Length; k++)
            if (rng.NextDouble() < world.ExaminationProbability(k) * world.ClickProbabilityIfExamined(world.Affinity(user, list[k]), 0))
                clicks++;
        return clicks;
    }

    private static double Interleave(World world, int user, int[] a, int[] b, ref Rng rng, Scratch scratch)
    {
        var n = TeamDraft.Interleave(a, b, ref rng, scratch.Items, scratch.Teams);
        for (var k = 0; k < n; k++)
            scratch.Clicked[k] = rng.NextDouble() < world.ExaminationProbability(k) * world.ClickProbabilityIfExamined(world.Affinity(user, scratch.Items[k]), 0);
        return TeamDraft.Preference(scratch.Teams.AsSpan(0, n), scratch.Clicked.AsSpan(0, n));
    }
}
