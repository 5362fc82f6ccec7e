using RecLab.Recommenders;
using RecLab.Recommenders.Content;

namespace RecLab.Tests.Recommenders.Content;

public sealed class ClickModelGbdtTests : RecommenderContract<ClickModel>
{
    // The counting features carry the answer: the share of the user's earlier clicks with the item's parity.
    protected override ClickModel Create() => new(new ClickModelOptions { Learner = ClickLearner.Gbdt, CrossFields = ["parity"], Trees = 20, Leaves = 4 });

    protected override TrainingSet CheckerboardFor(ClickModel model) => CheckerboardFeatures.For(model);
}
