using RecLab.Data;
using RecLab.Recommenders;
using RecLab.Tests.Support;

namespace RecLab.Tests.Recommenders.Content;

/// <summary>
/// The checkerboard with side information for feature-based models: each item has its parity (<c>parity:even</c> or
/// <c>parity:odd</c>, the feature that carries the answer) and its own <c>id:</c> feature; users alternate between two
/// age bands that match their parity group.
/// </summary>
public static class CheckerboardFeatures
{
    public static TrainingSet For(IRecommender model) =>
        With(model.Accepts.Allows(FeedbackKind.Implicit) ? Checkerboard.Implicit() : Checkerboard.Explicit());

    public static TrainingSet With(InteractionData data)
    {
        var items = new ItemFeaturesBuilder();
        for (var i = 0; i < data.ItemCount; i++)
        {
            items.Add(i, "parity", i % 2 == 0 ? "even" : "odd");
            items.Add(i, "id", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var users = new UserFeaturesBuilder("age");
        for (var u = 0; u < data.UserCount; u++)
            users.Set(u, "age", u % 2 == 0 ? "young" : "old");
        return new TrainingSet(data, items.Build(data.Items), users.Build(data.Users));
    }
}
