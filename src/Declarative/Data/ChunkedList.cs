namespace Declarative.Data;

/// <summary>
/// An append-only list in fixed chunks, copied once into an array of the exact length at the end. A <see cref="List{T}"/>
/// doubles: each growth of a column of millions leaves its old array as garbage on the large object heap (collected
/// only with generation 2), and its final copy doubles the column again. Chunks stay small enough for the ordinary
/// heap and waste at most one chunk.
/// </summary>
internal sealed class ChunkedList<T>
{
    private const int ChunkSize = 4_096;
    private readonly List<T[]> _chunks = [];
    private int _inLast = ChunkSize;

    public int Count { get; private set; }

    public void Add(T value)
    {
        if (_inLast == ChunkSize)
        {
            _chunks.Add(new T[ChunkSize]);
            _inLast = 0;
        }

        _chunks[^1][_inLast++] = value;
        Count++;
    }

    /// <summary>Replaces the value last added.</summary>
    public void SetLast(T value) => _chunks[^1][_inLast - 1] = value;

    public void RemoveLast()
    {
        _inLast--;
        Count--;
        if (_inLast == 0)
        {
            _chunks.RemoveAt(_chunks.Count - 1);
            _inLast = ChunkSize;
        }
    }

    /// <summary>The values as one array; the chunks are released.</summary>
    public T[] ToArray()
    {
        var result = new T[Count];
        for (var i = 0; i < _chunks.Count; i++)
        {
            var length = i == _chunks.Count - 1 ? _inLast : ChunkSize;
            Array.Copy(_chunks[i], 0, result, i * ChunkSize, length);
        }

        _chunks.Clear();
        _inLast = ChunkSize;
        Count = 0;
        return result;
    }
}
