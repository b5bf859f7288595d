using System;

namespace DeZero.CompilerServices;

// The second-order path of an elementwise node whose gradient cannot be built from other nodes (a method with branches,
// loops or calls): in a createGraph pass, input k's gradient is gy times a node of the partial derivative ∂f/∂x_k, whose
// own gradient is the Hessian's row k, from the second derivatives the generator writes; the Hessian's entries are nodes
// too, so that pass can itself be recorded, and only differentiating them (a third derivative) throws.

/// <summary>The partial derivative of an elementwise node by input <c>k</c>, at every element, as a node of its own.</summary>
internal sealed class PartialFunction<TKernel>(ElementwiseFunction<TKernel> node, TKernel kernel, int k, NDArray value) : Function
    where TKernel : struct, IElementwiseKernel
{
    public override NDArray ForwardAll(NDArray[] xs)
    {
        var inputs = ElementwiseInputs.Of(this, kernel.Arity, xs);
        var partials = new ElementwiseGradients(kernel.Arity, inputs.Shape);
        ElementwiseFunction<TKernel>.Backward(kernel, inputs, ref partials);
        return partials.Partial(k, inputs.Shape);
    }

    public override NDArray[] BackwardAll(NDArray gy)
    {
        var row = SecondDerivatives.Row(kernel, this, k);
        var gxs = new NDArray[kernel.Arity];
        for (var j = 0; j < gxs.Length; j++)
        {
            gxs[j] = ElementwiseGraph.SumTo(gy * row[j], InputAt(j).Data.Dims);
        }

        return gxs;
    }

    public override Variable[] BackwardAll(Variable gy)
    {
        ArgumentNullException.ThrowIfNull(gy);
        var row = SecondDerivatives.Row(kernel, this, k);
        var xs = new Variable[kernel.Arity];
        for (var j = 0; j < xs.Length; j++)
        {
            xs[j] = InputAt(j);
        }

        var gxs = new Variable[xs.Length];
        for (var j = 0; j < gxs.Length; j++)
        {
            var entry = new SecondPartialFunction(SecondDerivatives.Method(node), row[j]).Call(xs);
            gxs[j] = ElementwiseGraph.SumTo(gy * entry, xs[j].Data);
        }

        return gxs;
    }

    // The value was computed with the other partials, once for all inputs.
    internal override NDArray Evaluate(Variable[] inputs) => value;
}

/// <summary>An entry of the Hessian of an elementwise node, at every element: the end of the generated derivatives.</summary>
internal sealed class SecondPartialFunction(string method, NDArray value) : Function
{
    public override NDArray ForwardAll(NDArray[] xs) => value;

    public override NDArray[] BackwardAll(NDArray gy) => throw ThirdOrder();

    public override Variable[] BackwardAll(Variable gy) => throw ThirdOrder();

    internal override NDArray Evaluate(Variable[] inputs) => value;

    private NotSupportedException ThirdOrder() =>
        new($"The third derivatives of {method} are not available: the graph node of a method with branches, loops or calls is "
            + "differentiable to the second order (straight-line methods to any order).");
}

/// <summary>Reads a kernel's second derivatives over every element.</summary>
internal static class SecondDerivatives
{
    /// <summary>Row <paramref name="k"/> of the Hessian of the kernel's method at the inputs of <paramref name="function"/>'s recorded call, one array per input.</summary>
    public static NDArray[] Row<TKernel>(TKernel kernel, Function function, int k)
        where TKernel : struct, IElementwiseKernel
    {
        var inputs = ElementwiseInputs.OfRecorded(function, kernel.Arity);
        var n = kernel.Arity;
        var shape = inputs.Shape;
        var count = n + (n * (n + 1) / 2);
        var derivatives = count <= 64 ? stackalloc double[count] : new double[count];
        var row = new double[n][];
        for (var j = 0; j < n; j++)
        {
            row[j] = new double[shape.Size];
        }

        for (var i = 0; i < shape.Size; i++)
        {
            kernel.SecondDerivatives(inputs, i, derivatives);
            for (var j = 0; j < n; j++)
            {
                row[j][i] = derivatives[Index(n, Math.Min(k, j), Math.Max(k, j))];
            }
        }

        return Array.ConvertAll(row, values => values.Length == 1 ? NDArray.Scalar(values[0], shape) : NDArray.Create(values, shape));
    }

    /// <summary>Where ∂²f/∂x_i∂x_j (i ≤ j) is among the derivatives: after the n partials, the upper triangle row by row.</summary>
    public static int Index(int n, int i, int j) => n + (i * n) - (i * (i - 1) / 2) + (j - i);

    /// <summary>The method a generated node belongs to, for messages.</summary>
    public static string Method(Function node) => Function.Generated(node.GetType()) ?? node.GetType().Name;
}
