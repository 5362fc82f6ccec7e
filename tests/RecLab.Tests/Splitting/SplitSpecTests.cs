using RecLab.Splitting;

namespace RecLab.Tests.Splitting;

public sealed class SplitSpecTests
{
    [Theory]
    [InlineData("holdout", "holdout:0.2")]
    [InlineData("kfold", "kfold:5")]
    [InlineData("KFold:10", "kfold:10")]
    [InlineData("user-holdout:0.2", "user-holdout:0.2")]
    [InlineData("user-holdout:fraction=0.3", "user-holdout:0.3")]
    [InlineData("user-holdout:count=5:order=time", "user-holdout:count=5:order=time")]
    [InlineData("user-holdout:0.2,min_train=0,rounding=down", "user-holdout:0.2:rounding=down:min-train=0")]
    [InlineData("user-holdout:0.2:folds=5", "user-kfold:5:fraction=0.2")]
    [InlineData("user-kfold:5:fraction=0.2", "user-kfold:5:fraction=0.2")]
    [InlineData("user-kfold", "user-kfold:5:fraction=0.2")]
    [InlineData("user-kfold:5:count=10:order=time", "user-kfold:5:count=10:order=time")]
    [InlineData("item-holdout:0.1:folds=3", "item-holdout:0.1:folds=3")]
    [InlineData("user-temporal:0.2", "user-holdout:0.2:order=time")]
    [InlineData("stratified", "stratified:0.75")]
    [InlineData("stratified:0.75:by=item", "stratified:0.75:by=item")]
    [InlineData("stratified:0.8:order=time", "stratified:0.8:order=time")]
    [InlineData("user-holdout:0.25:rounding=up:min-train=0", "stratified:0.75")]
    [InlineData("leave-last-out", "leave-last-out")]
    [InlineData("leave-one-out", "leave-last-out")]
    [InlineData("leave-one-out:last:min=5", "leave-last-out:min=5")]
    [InlineData("leave-one-out:random", "leave-one-out:random")]
    [InlineData("user-holdout:count=1:order=random:min-train=2", "leave-one-out:random:min=3")]
    [InlineData("temporal", "temporal:0.8")]
    [InlineData("temporal:0.8:of=time-range", "temporal:0.8:of=time-range")]
    [InlineData("temporal:date=2015-01-01", "temporal:date=2015-01-01")]
    [InlineData("temporal:time=1420070401", "temporal:time=1420070401")]
    [InlineData("temporal:time=1420070400", "temporal:date=2015-01-01")]
    [InlineData("cold-users:0.2:onboard=5", "cold-users:0.2:onboard=5")]
    [InlineData("cold-users:onboard=5,onboard-order=random,folds=5", "cold-users:folds=5:onboard=5:onboard-order=random")]
    [InlineData("cold-users:0.2:onboard-order=random", "cold-users:0.2")]
    [InlineData("cold-items:0.1", "cold-items:0.1")]
    public void Parses_to_the_canonical_spec_which_parses_back_to_itself(string spec, string canonical)
    {
        var splitter = SplitSpec.Parse(spec);
        Assert.Equal(canonical, splitter.Spec);
        Assert.Equal(canonical, SplitSpec.Parse(canonical).Spec);
    }

    [Fact]
    public void Round_trips_for_every_combination_of_per_group_options()
    {
        var sizes = new[] { HoldoutSize.OfFraction(0.2), HoldoutSize.OfFraction(0.35), HoldoutSize.OfCount(1), HoldoutSize.OfCount(4) };
        var data = SplitData.Medium();
        foreach (var by in Enum.GetValues<GroupBy>())
        foreach (var size in sizes)
        foreach (var order in Enum.GetValues<HoldoutOrder>())
        foreach (var rounding in Enum.GetValues<FractionRounding>())
        foreach (var minTrain in new[] { 0, 1, 3 })
        foreach (var folds in new int?[] { null, 4 })
        {
            var splitter = new GroupHoldout(new GroupHoldoutOptions
            {
                By = by, Size = size, Order = order, Rounding = rounding, MinTrain = minTrain, Folds = folds,
            });
            var parsed = SplitSpec.Parse(splitter.Spec);
            Assert.Equal(splitter.Spec, parsed.Spec);
            // Same spec, same behaviour: the parsed splitter makes the same fold.
            Assert.Equal(SplitData.Rows(splitter.CreateFold(data, 0, 3).Test), SplitData.Rows(parsed.CreateFold(data, 0, 3).Test));
        }
    }

    [Fact]
    public void Every_kind_parses_on_its_own_and_help_mentions_it()
    {
        foreach (var kind in SplitSpec.Kinds)
        {
            Assert.Equal(SplitSpec.Parse(kind).Spec, SplitSpec.Parse(SplitSpec.Parse(kind).Spec).Spec);
            Assert.Contains(kind, SplitSpec.Help);
        }
    }

    [Theory]
    [InlineData("kfols:5", "did you mean 'kfold'", "Kinds: holdout, kfold")]
    [InlineData("user-holdout:0.2:oder=time", "did you mean 'order'", "Keys: fraction, count, order")]
    [InlineData("user-holdout:0.2:order=tme", "expects random|time", "did you mean 'time'")]
    [InlineData("user-holdout:0.2:rounding=half", "expects nearest|down|up", "")]
    [InlineData("cold-users:0.2:onbaord=5", "did you mean 'onboard'", "Keys: folds, onboard, onboard-order")]
    [InlineData("holdout:1.5", "holdout:", "(0, 1)")]
    [InlineData("holdout:abc", "fraction expects a number", "'abc'")]
    [InlineData("kfold:1", "at least 2", "kfold")]
    [InlineData("holdout:0.2:0.3", "only the first argument may be positional", "")]
    [InlineData("user-holdout:0.2:count=3", "either a fraction or count=N", "")]
    [InlineData("user-holdout:0.2:fraction=0.3", "given twice", "")]
    [InlineData("user-holdout:0.2:order=time:order=random", "given twice", "")]
    [InlineData("leave-last-out:3", "takes no positional argument", "Keys: min")]
    [InlineData("leave-one-out:randm", "last|random", "did you mean 'random'")]
    [InlineData("leave-last-out:min=0", "at least 1", "")]
    [InlineData("cold-users:0.2:folds=3", "not both", "")]
    [InlineData("", "Empty split spec", "Kinds:")]
    public void Errors_name_the_problem_and_the_valid_choices(string spec, string part1, string part2)
    {
        var e = Assert.Throws<ArgumentException>(() => SplitSpec.Parse(spec));
        Assert.Contains(part1, e.Message);
        Assert.Contains(part2, e.Message);
    }
}
