using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace RecLab.Tests.Support;

/// <summary>Runs FsCheck properties deterministically: a fixed seed replays the same cases on every run.</summary>
public static class Properties
{
    /// <summary>Checks <paramref name="assertion"/> (which throws on failure) on <paramref name="tests"/> cases drawn from <paramref name="gen"/>.</summary>
    public static void Check<T>(Gen<T> gen, Action<T> assertion, ulong seed, int tests = 100)
    {
        // The gamma of FsCheck's SplitMix generator must be odd.
        var replay = new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None);
        var config = Config.QuickThrowOnFailure
            .WithReplay(FSharpOption<Replay>.Some(replay))
            .WithMaxTest(tests)
            .WithQuietOnSuccess(true);
        FsCheck.Check.One(config, Prop.ForAll(gen.ToArbitrary(), assertion));
    }
}
