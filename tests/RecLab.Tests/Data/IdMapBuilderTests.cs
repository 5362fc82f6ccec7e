using RecLab.Data;

namespace RecLab.Tests.Data;

public sealed class IdMapBuilderTests
{
    [Fact]
    public void Integer_ids_and_their_other_spellings_stay_distinct()
    {
        // Canonical integers take the value table; every other spelling goes through the dictionary.
        string[] ids = ["7", "007", "+7", " 7", "7 ", "0", "00", "4194303", "4194304", "99999999", "-1", "7a"];
        var b = new IdMapBuilder();
        for (var k = 0; k < ids.Length; k++)
            Assert.Equal(k, b.GetOrAdd(ids[k].AsSpan()));
        for (var k = 0; k < ids.Length; k++)
        {
            Assert.Equal(k, b.GetOrAdd(ids[k].AsSpan()));
            Assert.Equal(k, b.GetOrAdd(ids[k]));
            Assert.Equal(k, b.IndexOf(ids[k].AsSpan()));
        }
        Assert.Equal(-1, b.IndexOf("8".AsSpan()));
        Assert.Equal(ids, b.Build().ToArray());
    }

    [Fact]
    public void Ids_added_as_strings_are_found_as_spans()
    {
        var b = new IdMapBuilder(IdMap.FromIds(["10", "x", "3"]));
        Assert.Equal(2, b.IndexOf("3".AsSpan()));
        Assert.Equal(0, b.GetOrAdd("10".AsSpan()));
        Assert.Equal(3, b.GetOrAdd("11".AsSpan()));
        Assert.Equal(3, b.GetOrAdd("11"));
        Assert.Equal(4, b.Count);
    }

    [Fact]
    public void Many_integer_ids_in_any_order_map_back()
    {
        var b = new IdMapBuilder();
        var rng = new Random(17);
        var values = Enumerable.Range(0, 20_000).Select(_ => rng.Next(0, 300_000)).Distinct().ToArray();
        foreach (var v in values)
            b.GetOrAdd(v.ToString(System.Globalization.CultureInfo.InvariantCulture).AsSpan());
        var map = b.Build();
        for (var k = 0; k < values.Length; k++)
        {
            var id = values[k].ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(k, map.IndexOf(id));
            Assert.Equal(k, b.IndexOf(id.AsSpan()));
        }
    }
}
