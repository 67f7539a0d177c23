namespace PartnershipBot.Infrastructure.Semantic;

/// <summary>The most recently asked questions' vectors (least recently used dropped first); queries are never stored.</summary>
internal sealed class QueryVectorCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string Text, float[] Vector)>> index = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Text, float[] Vector)> order = new();
    private readonly Lock gate = new();

    public bool TryGet(string text, out float[] vector)
    {
        lock (gate)
        {
            if (index.TryGetValue(text, out var node))
            {
                order.Remove(node);
                order.AddFirst(node);
                vector = node.Value.Vector;
                return true;
            }
        }

        vector = [];
        return false;
    }

    public void Add(string text, float[] vector)
    {
        lock (gate)
        {
            if (index.Remove(text, out var existing))
            {
                order.Remove(existing);
            }

            index[text] = order.AddFirst((text, vector));
            if (index.Count > capacity && order.Last is { } last)
            {
                index.Remove(last.Value.Text);
                order.RemoveLast();
            }
        }
    }
}
