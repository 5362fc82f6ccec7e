using RecLab.Data;

namespace RecLab.Notebooks.Tests;

public sealed class NeighborsTests
{
    [Fact]
    public void Nearest_ranks_by_similarity_and_leaves_out_the_item_itself_nan_and_excluded_candidates()
    {
        float[] similarity = [0.9f, 0.5f, float.NaN, 0.7f, 0.7f, 0.1f];

        var near = Neighbors.Nearest(0, similarity.Length, j => similarity[j], 3, include: j => j != 5);

        // Item 0 is the target; 3 and 4 tie at 0.7 and keep index order; 2 is NaN.
        Assert.Equal([3, 4, 1], near.Select(r => r.Item));
        Assert.Equal([0.7f, 0.7f, 0.5f], near.Select(r => r.Score));
    }

    [Fact]
    public void By_cosine_finds_the_vectors_pointing_the_same_way_whatever_their_length()
    {
        float[][] vectors = [[1, 0], [10, 1], [0, 1], [0, 0], [-1, 0]];

        var near = Neighbors.ByCosine(0, vectors.Length, j => vectors[j], 10);

        // The zero vector has no direction and is left out; the opposite vector comes last with cosine -1.
        Assert.Equal([1, 2, 4], near.Select(r => r.Item));
        Assert.Equal(10 / MathF.Sqrt(101), near[0].Score, 1e-6f);
        Assert.Equal(-1f, near[^1].Score, 1e-6f);
    }

    [Fact]
    public void In_common_counts_the_columns_two_rows_share_as_a_set_intersection_does()
    {
        var random = new Random(7);
        var builder = new InteractionDataBuilder();
        for (var k = 0; k < 400; k++)
            builder.Add($"u{random.Next(30)}", $"i{random.Next(40)}", 1f);
        var data = builder.Build(FeedbackKind.Implicit, null, DuplicatePolicy.Sum);

        for (var a = 0; a < data.ItemCount; a++)
        {
            for (var b = 0; b < data.ItemCount; b++)
            {
                var expected = data.ByItem.RowIndices(a).ToArray().Intersect(data.ByItem.RowIndices(b).ToArray()).Count();
                Assert.Equal(expected, Neighbors.InCommon(data.ByItem, a, b));
            }
        }
    }
}
