using RecLab.Data;

namespace RecLab.Notebooks.Tests;

public sealed class ResultTableTests
{
    private static InteractionData Example()
    {
        var builder = new InteractionDataBuilder();
        builder.Add("ann", "alien", 5f);
        builder.Add("ann", "brazil", 3.5f);
        builder.Add("ben", "brazil", 2f);
        return builder.Build(FeedbackKind.Explicit, RatingScale.OneToFive);
    }

    [Fact]
    public void Matrix_writes_users_as_rows_items_as_columns_and_leaves_missing_values_blank()
    {
        var table = ResultTable.Matrix(Example(), "stars");

        Assert.Equal(["", "alien", "brazil"], table.Columns);
        Assert.Equal(["ann", "5", "3.5"], table.Rows[0].Select(c => c.Text));
        Assert.Equal(["ben", "", "2"], table.Rows[1].Select(c => c.Text));
    }

    [Fact]
    public void Matrix_refuses_a_matrix_too_large_to_read()
    {
        var builder = new InteractionDataBuilder();
        for (var i = 0; i < 51; i++)
            builder.Add("ann", $"item{i}", 1f);

        var error = Assert.Throws<ArgumentException>(() => ResultTable.Matrix(builder.Build(FeedbackKind.Implicit, null)));

        Assert.Contains("1 users x 51 items", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Neighbors_shows_each_neighbours_support_beside_its_similarity()
    {
        var data = Example();
        var dataset = new Dataset("example", data);
        var alien = data.Items.IndexOf("alien");
        var brazil = data.Items.IndexOf("brazil");

        var table = ResultTable.Neighbors(dataset, data, alien, [new(brazil, 0.25f)]);

        // Only ann rated both; brazil has two raters.
        Assert.Equal(["1", dataset.ItemLabel(brazil), "0.250", "1", "2"], table.Rows[0].Select(c => c.Text));
    }
}
