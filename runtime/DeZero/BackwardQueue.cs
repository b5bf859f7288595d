using System;
using System.Collections.Generic;

namespace DeZero;

/// <summary>The functions a backward pass has still to run, highest generation first; one per thread, reused.</summary>
/// <remarks>
/// Most graphs the book builds are chains, where at most one function waits at a time: that one sits in a slot and
/// never touches the heap, so a chain costs no heap operation per node. The heap takes over as soon as two wait.
/// A pass borrows the thread's queue and gives it back when it ends; a pass started inside another (a user's
/// <c>Backward</c> that backpropagates through a graph of its own) finds none to borrow and makes its own.
/// </remarks>
internal sealed class BackwardQueue
{
    // A queue that grew past this many waiting functions is left to the collector rather than kept for the thread.
    private const int KeptCapacity = 1024;

    [ThreadStatic]
    private static BackwardQueue? t_spare;

    // Gradient arrays at least this long that the pass itself made and nobody else has seen may be taken over.
    private const int OwnedLength = 1 << 14;

    // PriorityQueue is a min-heap, hence the negated generation as the key.
    private readonly PriorityQueue<Function, int> _heap = new();
    private Function? _single;
    private int _largest;
    private HashSet<double[]>? _owned;

    /// <summary>Whether this pass keeps intermediate gradients (<see cref="Variable.Backward"/>'s retainGrad).</summary>
    public bool RetainGrad { get; set; }

    /// <summary>Whether this pass records its computation as a graph (<see cref="Variable.Backward"/>'s createGraph).</summary>
    public bool CreateGraph { get; set; }

    /// <summary>
    /// Records a large gradient array this pass made for an intermediate variable. Without retainGrad it is dropped
    /// once that variable's creator has used it, unseen by anyone, so that creator may write its own input's
    /// gradient into it instead of into a new array: a large graph then allocates one gradient array, not one per node.
    /// </summary>
    public void Own(double[] array)
    {
        // A createGraph pass hands its gradients to graph nodes as data, which must never change.
        if (!RetainGrad && !CreateGraph && array.Length >= OwnedLength)
        {
            (_owned ??= new HashSet<double[]>(ReferenceEqualityComparer.Instance)).Add(array);
        }
    }

    /// <summary>Takes over an array recorded by <see cref="Own"/>, if <paramref name="array"/> is one.</summary>
    public bool TakeOwned(double[] array) => _owned is { } owned && owned.Remove(array);

    public static BackwardQueue Rent()
    {
        var queue = t_spare ?? new BackwardQueue();
        t_spare = null;
        return queue;
    }

    public static void Return(BackwardQueue queue)
    {
        // After an exception functions may still wait; they must not leak into the next pass.
        queue._single = null;
        queue._heap.Clear();
        queue._owned?.Clear();
        queue.RetainGrad = false;
        queue.CreateGraph = false;
        if (queue._largest <= KeptCapacity)
        {
            t_spare = queue;
        }
    }

    public void Add(Function function)
    {
        if (_single is null && _heap.Count == 0)
        {
            _single = function;
            return;
        }

        if (_single is { } waiting)
        {
            _single = null;
            _heap.Enqueue(waiting, -waiting.Generation);
        }

        _heap.Enqueue(function, -function.Generation);
        _largest = Math.Max(_largest, _heap.Count);
    }

    public bool TryTake(out Function function)
    {
        if (_single is { } next)
        {
            _single = null;
            function = next;
            return true;
        }

        return _heap.TryDequeue(out function!, out _);
    }
}
