namespace RecLab.Splitting;

/// <summary>Whose interactions a per-group split works on: each user's or each item's.</summary>
public enum GroupBy
{
    /// <summary>Group interactions by user (the usual per-user holdout).</summary>
    User,

    /// <summary>Group interactions by item (Microsoft Recommenders' <c>filter_by="item"</c>).</summary>
    Item,
}
