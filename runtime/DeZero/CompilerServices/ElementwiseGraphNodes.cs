using System;

namespace DeZero.CompilerServices;

// The graph nodes that gradient graphs are built from beyond the built-in functions: a broadcast input's gradient
// summed back (and its own gradient broadcast out again), and the selection of one branch of a rule per element. Each
// writes its backward twice, on arrays and on variables, so each is differentiable to any order.

/// <summary>The sum of every element, in a shape of one element: the gradient of an input broadcast over an output.</summary>
internal sealed class SumToFunction(Dimensions shape) : Function
{
    public override NDArray Forward(NDArray x) => NDArray.Scalar(NDArray.Sum(x).Item(), shape);

    public override NDArray Backward(NDArray gy) => BroadcastToFunction.Broadcast(gy, Input.Data.Dims);

    public override Variable Backward(Variable gy) => new BroadcastToFunction(Input.Data.Dims).Call(gy);
}

/// <summary>One element repeated over a shape: the gradient of <see cref="SumToFunction"/>.</summary>
internal sealed class BroadcastToFunction(Dimensions shape) : Function
{
    public override NDArray Forward(NDArray x) => Broadcast(x, shape);

    public override NDArray Backward(NDArray gy) => NDArray.Scalar(NDArray.Sum(gy).Item(), Input.Data.Dims);

    public override Variable Backward(Variable gy) => new SumToFunction(Input.Data.Dims).Call(gy);

    internal static NDArray Broadcast(NDArray x, Dimensions shape)
    {
        var value = x.Item();
        if (shape.Size == 1)
        {
            return NDArray.Scalar(value, shape);
        }

        var data = GC.AllocateUninitializedArray<double>(shape.Size);
        Array.Fill(data, value);
        return NDArray.Create(data, shape);
    }
}

/// <summary>Each element from the first input where the mask is one, from the second where it is zero.</summary>
internal sealed class WhereFunction(NDArray mask) : Function
{
    private static readonly NDArray Zero = NDArray.Scalar(0.0);

    public override NDArray ForwardAll(NDArray[] xs)
    {
        ArgumentNullException.ThrowIfNull(xs);
        if (xs.Length != 2)
        {
            throw new ArgumentException($"{nameof(WhereFunction)} takes 2 inputs, got {xs.Length}.", nameof(xs));
        }

        return Select(mask, xs[0], xs[1]);
    }

    public override NDArray[] BackwardAll(NDArray gy)
    {
        var (a, b) = (InputAt(0).Data, InputAt(1).Data);
        return [ElementwiseGraph.SumTo(Select(mask, gy, Zero), a.Dims), ElementwiseGraph.SumTo(Select(mask, Zero, gy), b.Dims)];
    }

    public override Variable[] BackwardAll(Variable gy)
    {
        var zero = new Variable(0.0);
        var (a, b) = (InputAt(0), InputAt(1));
        return
        [
            ElementwiseGraph.SumTo(new WhereFunction(mask).Call(gy, zero), a.Data),
            ElementwiseGraph.SumTo(new WhereFunction(mask).Call(zero, gy), b.Data),
        ];
    }

    private static NDArray Select(NDArray mask, NDArray whenTrue, NDArray whenFalse)
    {
        var shape = ElementwiseGraph.Common(ElementwiseGraph.Common(mask.Dims, whenTrue.Dims), whenFalse.Dims);
        ReadOnlySpan<double> m = mask.AsSpan(), t = whenTrue.AsSpan(), f = whenFalse.AsSpan();
        if (shape.Size == 1)
        {
            return NDArray.Scalar(m[0] != 0 ? t[0] : f[0], shape);
        }

        var result = GC.AllocateUninitializedArray<double>(shape.Size);
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = ElementwiseGraph.At(m, i) != 0 ? ElementwiseGraph.At(t, i) : ElementwiseGraph.At(f, i);
        }

        return NDArray.Create(result, shape);
    }
}
