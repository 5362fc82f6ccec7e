using RecLab.Data;
using RecLab.Recommenders;
using RecLab.Recommenders.Learning;

namespace RecLab.Tests.Recommenders.Learning;

/// <summary>
/// The collaborative creator score carries taste learned from other users, and a training row's own click reaches
/// neither side of it: the user's side counts only the impressions it is fed, and the creator side of an out-of-fold
/// fit is the same whether or not the user's impressions are in the log.
/// </summary>
public sealed class CreatorTasteTests
{
    private const int Users = 40;
    private const int Items = 24;
    private const int Creators = 4;

    /// <summary>
    /// Every user is shown every item at the top slot; even users click creators 0 and 1's items, odd users creators 2
    /// and 3's (item i is by creator i mod 4), but for every third pair; <paramref name="without"/> is shown nothing.
    /// </summary>
    private static (ImpressionLog Log, CreatorLinks Creators) World(int without = -1)
    {
        var (users, items, clicked) = (new List<int>(), new List<int>(), new List<bool>());
        for (var u = 0; u < Users; u++)
            for (var i = 0; i < Items; i++)
                if (u != without)
                {
                    users.Add(u);
                    items.Add(i);
                    clicked.Add(Likes(u, i) && (i + u) % 3 != 0);
                }
        var log = new ImpressionLog(IdMap.Sequential(Users), IdMap.Sequential(Items), [.. users], [.. items], new int[users.Count], [.. clicked]);
        var features = new ItemFeaturesBuilder();
        for (var i = 0; i < Items; i++)
            features.Add(i, CreatorLinks.CreatorField, (i % Creators).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var data = new InteractionDataBuilder().Build(FeedbackKind.Implicit, null, DuplicatePolicy.Sum, IdMap.Sequential(Users), IdMap.Sequential(Items), out _);
        return (log, CreatorLinks.Of(new TrainingSet(data, features.Build(data.Items))));
    }

    private static bool Likes(int user, int item) => item % Creators < 2 == (user % 2 == 0);

    private static CreatorTaste Fit(int folds, int without = -1)
    {
        var (log, creators) = World(without);
        return CreatorTaste.Fit(log, Users, creators, 8, folds, 7, TestContext.Current.CancellationToken).Restart();
    }

    [Fact]
    public void A_user_scores_the_creators_of_their_taste_above_the_others_and_nothing_before_an_impression()
    {
        var taste = Fit(folds: 1);
        Assert.Equal(0f, taste.Score(4, 0));
        taste.Show(4, 0, 0, clicked: true);
        taste.Show(4, 2, 0, clicked: false);
        // Creators 1 and 3 were never shown to this user: their scores come from the users who share the taste.
        Assert.True(taste.Score(4, 1) > taste.Score(4, 3) + 0.1f, $"{taste.Score(4, 1)} vs {taste.Score(4, 3)}");
        Assert.True(taste.Score(4, 1) > 0 && taste.Score(4, 3) < 0, $"{taste.Score(4, 1)}, {taste.Score(4, 3)}");
    }

    [Fact]
    public void Out_of_fold_creator_factors_do_not_see_the_users_own_impressions()
    {
        const int user = 5;
        var with = Fit(folds: 4);
        var without = Fit(folds: 4, without: user);
        var fitOnAll = Fit(folds: 1);
        var fitOnOthers = Fit(folds: 1, without: user);
        foreach (var t in new[] { with, without, fitOnAll, fitOnOthers })
            t.Show(user, 2, 0, clicked: true);
        for (var c = 0; c < Creators; c++)
            Assert.Equal(without.Score(user, c), with.Score(user, c));
        // The check has teeth: a fit on every user moves when this user's impressions leave it.
        Assert.Contains(Enumerable.Range(0, Creators), c => fitOnAll.Score(user, c) != fitOnOthers.Score(user, c));
    }
}
