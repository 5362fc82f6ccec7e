using RecLab.Simulation.AbTesting;

namespace RecLab.Simulation.Tests.Policies;

/// <summary>The learned click models serve an A/B arm: fitted on the world's logged impressions, retrained on the arm's own.</summary>
public sealed class ClickModelArmTests
{
    private static AbTestOptions Options(string learner, int threads) => new()
    {
        Arms =
        [
            AbArm.FromSpec("most-popular", 0.5, "popular"),
            AbArm.FromSpec($"click-model:learner={learner},trees=20,leaves=8,epochs=2,negative_rate=0.5", 0.5, "click-model"),
        ],
        Days = 3,
        PreDays = 1,
        RetrainEvery = 2,
        Seed = 5,
        MaxThreads = threads,
    };

    private static string Fingerprint(AbRun run) => string.Join("\n", run.Arms.Select(a =>
        a.Name + ":" + string.Join(",", a.ItemImpressions.ToArray()) + "|" + string.Join(",", a.ItemClicks.ToArray())));

    [Theory]
    [InlineData("logistic")]
    [InlineData("ffm")]
    [InlineData("gbdt")]
    [InlineData("light-gbm")]
    public void A_click_model_arm_serves_slates_the_same_on_one_thread_and_two(string learner)
    {
        var one = AbSimulator.Run(Worlds.Tiny, Options(learner, 1), cancellationToken: TestContext.Current.CancellationToken);
        var two = AbSimulator.Run(Worlds.Tiny, Options(learner, 2), cancellationToken: TestContext.Current.CancellationToken);
        var arm = one.Arms.Single(a => a.Name == "click-model");
        Assert.True(arm.ItemImpressions.ToArray().Sum() > 0 && arm.ItemClicks.ToArray().Sum() > 0);
        Assert.Equal(Fingerprint(one), Fingerprint(two));
    }
}
