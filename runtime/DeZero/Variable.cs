using System;
using System.Collections.Generic;
using System.Threading;

namespace DeZero;

/// <summary>A box holding an array, its gradient and the function that created it (DeZero's <c>Variable</c>).</summary>
public sealed partial class Variable
{
    // Marks _grad as "the gradient is _gradValue, one element of Data's shape". A backward pass accumulates the
    // gradients of one-element variables as plain doubles: the intermediate ones it drops again are never made into
    // arrays at all, and Grad makes the array the first time someone asks for it.
    private static readonly object s_unboxed = new();
    private static long s_passes;
    private NDArray _data;

    // The gradient, in one slot so a variable stays as small as it was before gradients could be graphs: null, an
    // NDArray, a Variable (the gradient with the graph a createGraph pass recorded, or an NDArray wrapped on demand by
    // GradVariable), or s_unboxed.
    private object? _grad;
    private double _gradValue;

    /// <summary>Boxes <paramref name="data"/>; a <see cref="double"/> converts implicitly, so <c>new Variable(0.5)</c> works.</summary>
    /// <param name="data">The value; never null.</param>
    /// <param name="name">An optional name, shown nowhere but useful when debugging graphs.</param>
    public Variable(NDArray data, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = data;
        Name = name;
    }

    /// <summary>The value. Replacing it (as an optimiser does) never changes the array that was there.</summary>
    public NDArray Data
    {
        get => _data;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            Box(); // an unboxed gradient has the shape of the data it was computed for
            _data = value;
        }
    }

    /// <summary>The gradient of the last output backpropagated from, or null; settable for manual backprop (<c>y.Grad = 1.0</c>).</summary>
    public NDArray? Grad
    {
        get
        {
            Box();
            return _grad as NDArray ?? (_grad as Variable)?._data;
        }

        set
        {
            if (value is not null && !SameShape(value, _data))
            {
                throw new ArgumentException(
                    $"A gradient of shape {NDArray.FormatShape(value.Shape)} does not fit a variable of shape {NDArray.FormatShape(_data.Shape)}.",
                    nameof(value));
            }

            _grad = value;
        }
    }

    /// <summary>The gradient as a variable, or null: after <c>Backward(createGraph: true)</c> it carries the graph of the backward computation, otherwise it wraps <see cref="Grad"/> as a leaf.</summary>
    /// <remarks>
    /// Made on demand: a pass without createGraph keeps gradients as arrays, and the first read here wraps the array in a
    /// variable, the same one on every read until the gradient changes. <see cref="Grad"/> always equals this variable's
    /// <see cref="Data"/>, and <see cref="ClearGrad"/> clears both.
    /// </remarks>
    public Variable? GradVariable
    {
        get
        {
            Box();
            if (_grad is NDArray grad)
            {
                _grad = new Variable(grad);
            }

            return _grad as Variable;
        }
    }

    /// <summary>The function whose output this is, or null for a variable made by the user (a leaf).</summary>
    public Function? Creator { get; private set; }

    /// <summary>The depth in the graph: 0 for a leaf, one more than the creator's generation otherwise.</summary>
    // Read from the creator rather than stored: one field less on every variable of a graph.
    public int Generation => Creator is null ? 0 : Creator.Generation + 1;

    /// <summary>An optional name.</summary>
    public string? Name { get; set; }

    /// <summary>The shape of <see cref="Data"/>.</summary>
    public IReadOnlyList<int> Shape => _data.Shape;

    /// <summary>The number of elements of <see cref="Data"/>.</summary>
    public int Size => _data.Size;

    /// <summary>Forgets the gradient (<see cref="Grad"/> and <see cref="GradVariable"/>), so the next backward pass starts from nothing.</summary>
    public void ClearGrad() => _grad = null;

    /// <summary>Backpropagates from this variable to every variable it depends on (a loop, never recursion).</summary>
    /// <remarks>
    /// Seeds <see cref="Grad"/> with ones when it is null. Functions run from the highest generation down, so a
    /// variable has its whole gradient before its creator runs, for any graph. Gradients add up into
    /// <see cref="Grad"/> (a new array each time), also across calls, as in DeZero. Unless
    /// <paramref name="retainGrad"/> is true, the gradients of function outputs (this variable included) are
    /// dropped once used, and only the leaves keep theirs. With <paramref name="retainGrad"/>, clear the
    /// intermediate gradients before backpropagating again, or they add into the next pass as they do in DeZero.
    /// With <paramref name="createGraph"/>, every function computes its inputs' gradients with differentiable operations
    /// on variables, recorded as a graph, so <see cref="GradVariable"/> can itself be backpropagated from (a second
    /// derivative, and so on); inside <see cref="Config.NoGrad"/> nothing is recorded, createGraph or not.
    /// </remarks>
    /// <param name="retainGrad">Keep the gradients of intermediate variables (DeZero's <c>retain_grad</c>).</param>
    /// <param name="createGraph">Record the backward pass as a graph (DeZero's <c>create_graph</c>).</param>
    public void Backward(bool retainGrad = false, bool createGraph = false)
    {
        createGraph &= Config.EnableBackprop;
        var seeded = _grad is null;
        if (seeded)
        {
            if (_data.Size == 1)
            {
                SetUnboxed(1.0);
            }
            else
            {
                _grad = NDArray.OnesLike(_data);
            }
        }

        if (Creator is null)
        {
            return;
        }

        // Each function is queued once per pass: a mark on the function, not a set, as a set of a
        // million nodes costs more than the backward pass itself.
        var pass = Interlocked.Increment(ref s_passes);
        var pending = BackwardQueue.Rent();
        pending.RetainGrad = retainGrad;
        pending.CreateGraph = createGraph;
        if (seeded && _grad is NDArray { Storage: { } ones })
        {
            pending.Own(ones);
        }

        try
        {
            Creator.BackwardPass = pass;
            pending.Add(Creator);
            while (pending.TryTake(out var function))
            {
                var output = function.RecordedOutput!;
                if (output._grad is null)
                {
                    throw new InvalidOperationException(
                        $"The output of {function.GetType().Name} has no gradient; was it cleared during backpropagation?");
                }

                function.Backpropagate(output, pending);

                for (var i = 0; i < function.InputCount; i++)
                {
                    if (function.InputAt(i).Creator is { } creator && creator.BackwardPass != pass)
                    {
                        creator.BackwardPass = pass;
                        pending.Add(creator);
                    }
                }

                if (!retainGrad)
                {
                    output._grad = null;
                }
            }
        }
        finally
        {
            BackwardQueue.Return(pending);
        }
    }

    /// <summary>DeZero's repr: <c>variable(0.5)</c>, continuation lines of an array indented under the first.</summary>
    public override string ToString() =>
        "variable(" + _data.ToString().Replace("\n", "\n" + new string(' ', 9), StringComparison.Ordinal) + ")";

    // Called by Function.Call only: the creator link is what makes this variable part of a graph.
    internal void SetCreator(Function function) => Creator = function;

    // Called by the backward pass with a gradient of this variable's shape (Function.Backpropagate checks a user's).
    // A pass without createGraph adds arrays: a gradient that was a graph becomes its value plus gx, as DeZero's sum
    // computed with backprop disabled has no creator.
    internal void AccumulateGrad(NDArray gx)
    {
        Box();
        _grad = _grad switch
        {
            null => gx,
            Variable grad => grad._data + gx,
            _ => (NDArray)_grad + gx,
        };
    }

    // Called by a createGraph pass: the sum is a node of the graph, so it too can be differentiated.
    internal void AccumulateGrad(Variable gx)
    {
        Box();
        _grad = _grad switch
        {
            null => gx,
            Variable grad => grad + gx,
            _ => new Variable((NDArray)_grad) + gx,
        };
    }

    // The same for a one-element variable, without an array: the sum is the one NDArray addition would make.
    internal void AccumulateGrad(double gx)
    {
        if (_grad is null)
        {
            SetUnboxed(gx);
        }
        else if (ReferenceEquals(_grad, s_unboxed))
        {
            _gradValue += gx;
        }
        else
        {
            AccumulateGrad(NDArray.Scalar(gx, _data.Dims));
        }
    }

    // Whether no gradient has been accumulated yet.
    internal bool HasNoGrad => _grad is null;

    // The gradient's one element, when there is a gradient of one element, without making an array for it.
    internal bool TryGetOneElementGrad(out double gy)
    {
        if (ReferenceEquals(_grad, s_unboxed))
        {
            gy = _gradValue;
            return true;
        }

        if ((_grad as NDArray ?? (_grad as Variable)?._data) is { Size: 1 } grad)
        {
            gy = grad.AsSpan()[0];
            return true;
        }

        gy = 0.0;
        return false;
    }

    private void SetUnboxed(double value)
    {
        _gradValue = value;
        _grad = s_unboxed;
    }

    private void Box()
    {
        if (ReferenceEquals(_grad, s_unboxed))
        {
            _grad = NDArray.Scalar(_gradValue, _data.Dims);
        }
    }

    private static bool SameShape(NDArray a, NDArray b) => a.Dims.SameAs(b.Dims);
}
