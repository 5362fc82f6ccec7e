using RecLab.Recommenders;
using RecLab.Recommenders.Baselines;
using RecLab.Tests.Recommenders.Neighborhood;

namespace RecLab.Tests.Recommenders.Baselines;

public sealed class BiasTests : RecommenderContract<Bias>
{
    protected override Bias Create() => new();

    protected override bool Personalized => false;

    [Fact]
    public void One_unregularized_als_epoch_is_item_means_then_user_means_of_residuals()
    {
        // mu = 22/7. Items first: b_i0 = 4 - 22/7 = 6/7, b_i1 = 1.5 - 22/7 = -23/14, b_i2 = 3.5 - 22/7 = 5/14.
        // Users: u0: ((4 - 22/7 - 6/7) + (2 - 22/7 + 23/14)) / 2 = (0 + 0.5) / 2 = 0.25;
        //        u1: ((5 - 4) + (3 - 22/7 - 5/14)) / 2 = (1 - 0.5) / 2 = 0.25;
        //        u2: ((3 - 4) + (1 - 3.142857 + 1.642857) + (4 - 3.142857 - 0.357143)) / 3 = (-1 - 0.5 + 0.5) / 3 = -1/3.
        var model = TinyRatings.Fitted(new Bias(new BiasOptions { Epochs = 1, UserRegularization = 0, ItemRegularization = 0 }), TinyRatings.ThreeByThree());
        Assert.Equal(6.0 / 7, model.ItemBiases[0], 6);
        Assert.Equal(-23.0 / 14, model.ItemBiases[1], 6);
        Assert.Equal(5.0 / 14, model.ItemBiases[2], 6);
        Assert.Equal(0.25, model.UserBiases[0], 6);
        Assert.Equal(0.25, model.UserBiases[1], 6);
        Assert.Equal(-1.0 / 3, model.UserBiases[2], 6);
        // r(u0, i2) = 22/7 + 0.25 + 5/14 = 3.75.
        Assert.Equal(3.75f, model.Predict(0, 2), 5);
    }

    [Fact]
    public void Regularization_divides_by_count_plus_reg()
    {
        // One epoch, reg_i = 2, reg_u = 1: b_i0 = (12 - 3 mu) / (3 + 2) = (12 - 66/7) / 5 = 18/35.
        var model = TinyRatings.Fitted(new Bias(new BiasOptions { Epochs = 1, UserRegularization = 1, ItemRegularization = 2 }), TinyRatings.ThreeByThree());
        Assert.Equal(18.0 / 35, model.ItemBiases[0], 6);
        // b_u0 = ((4 - mu - 18/35) + (2 - mu - b_i1)) / (2 + 1), b_i1 = (3 - 2 mu) / (2 + 2) = (3 - 44/7) / 4 = -23/28.
        var mu = 22.0 / 7;
        Assert.Equal(((4 - mu - 18.0 / 35) + (2 - mu + 23.0 / 28)) / 3, model.UserBiases[0], 6);
    }

    [Fact]
    public void Damped_method_is_one_pass_with_damping_as_regularization()
    {
        var damped = TinyRatings.Fitted(new Bias(new BiasOptions { Method = BiasMethod.Damped, UserDamping = 1, ItemDamping = 2 }), TinyRatings.ThreeByThree());
        var als = TinyRatings.Fitted(new Bias(new BiasOptions { Epochs = 1, UserRegularization = 1, ItemRegularization = 2 }), TinyRatings.ThreeByThree());
        Assert.Equal(als.ItemBiases.ToArray(), damped.ItemBiases.ToArray());
        Assert.Equal(als.UserBiases.ToArray(), damped.UserBiases.ToArray());
    }

    [Fact]
    public void Sgd_updates_both_biases_per_rating_in_user_order()
    {
        // Ratings (u0, i0, 4), (u1, i0, 2); mu = 3; lr 0.5, reg 0, one epoch.
        // (u0, i0): e = 4 - 3 = 1 -> b_u0 = 0.5, b_i0 = 0.5.
        // (u1, i0): e = 2 - (3 + 0 + 0.5) = -1.5 -> b_u1 = -0.75, b_i0 = 0.5 - 0.75 = -0.25.
        var train = TinyRatings.Build([(0, 0, 4), (1, 0, 2)]);
        var model = TinyRatings.Fitted(new Bias(new BiasOptions { Method = BiasMethod.Sgd, Epochs = 1, LearningRate = 0.5f, Regularization = 0 }), train);
        Assert.Equal(0.5, model.UserBiases[0], 9);
        Assert.Equal(-0.75, model.UserBiases[1], 9);
        Assert.Equal(-0.25, model.ItemBiases[0], 9);
        Assert.Equal(3.25f, model.Predict(0, 0), 5);
        Assert.Equal(2f, model.Predict(1, 0), 5);
    }

    [Fact]
    public void Unknown_user_gets_mu_plus_item_bias_and_predictions_are_clamped()
    {
        var model = TinyRatings.Fitted(new Bias(new BiasOptions { Epochs = 1, UserRegularization = 0, ItemRegularization = 0 }), TinyRatings.ThreeByThree());
        Assert.Equal((float)(22.0 / 7 + 6.0 / 7), model.Predict(-1, 0), 5);
        var scores = new float[3];
        model.Score(new UserQuery(-1, default, default), scores);
        Assert.All(scores, s => Assert.InRange(s, 1f, 5f));
    }

    [Fact]
    public void Without_regularization_users_and_items_without_ratings_get_bias_zero_not_nan()
    {
        // Four items in the id space, item 3 and user 2 without a training rating: reg 0 made their biases 0/0 = NaN,
        // and RMSE was reported as NaN ("n/a", exit 0) while run counted the cell as a success.
        var train = TinyRatings.Build([(0, 0, 4), (0, 1, 2), (1, 0, 5), (1, 2, 3)], users: 3, items: 4);
        var model = TinyRatings.Fitted(new Bias(new BiasOptions { UserRegularization = 0, ItemRegularization = 0 }), train);

        Assert.Equal(0, model.ItemBiases[3]);
        Assert.Equal(0, model.UserBiases[2]);
        Assert.All(model.ItemBiases.ToArray().Concat(model.UserBiases.ToArray()), b => Assert.True(double.IsFinite(b)));
        // mu = 3.5 + b_u1 for an item nobody rated.
        Assert.Equal((float)(3.5 + model.UserBiases[1]), model.Predict(1, 3), 5);
    }

    [Fact]
    public void Invalid_options_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new Bias(new BiasOptions { Epochs = 0 }));
        Assert.Throws<ArgumentException>(() => new Bias(new BiasOptions { UserRegularization = -1 }));
    }
}
