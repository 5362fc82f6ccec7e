using RecLab.Recommenders;
using RecLab.Recommenders.Content;

namespace RecLab.Tests.Recommenders.Content;

public sealed class ClickModelFfmTests : RecommenderContract<ClickModel>
{
    protected override ClickModel Create() => new(new ClickModelOptions { Learner = ClickLearner.Ffm, Epochs = 20 });

    protected override TrainingSet CheckerboardFor(ClickModel model) => CheckerboardFeatures.For(model);
}
