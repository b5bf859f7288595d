using System;
using System.ComponentModel;

namespace DeZero.CompilerServices;

/// <summary>
/// For generated code: what the gradient graph of an elementwise node (<see cref="IElementwiseKernel.GradientGraph"/>)
/// needs beyond <see cref="Functions"/> and the operators: conditions on the data, as masks that select between
/// differentiable branches, and the values of functions whose derivative is zero wherever it exists.
/// </summary>
/// <remarks>
/// A derivative rule with a condition (<c>Abs</c>'s sign, a tie in <c>Max</c>, <c>Clamp</c>'s bounds) becomes a mask
/// computed from the inputs' data, never differentiated, and <see cref="Where"/> picks each element from one branch
/// or the other; the branches stay in the graph, so the rule can be differentiated again. Masks are arrays of ones
/// and zeros, broadcast like the nodes' inputs (one shape, or 0-d). Members are only ever added, never changed (see
/// <see cref="ElementwiseFunction{TKernel}"/>).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ElementwiseGraph
{
    /// <summary>Each element from <paramref name="whenTrue"/> where <paramref name="condition"/> holds, from <paramref name="whenFalse"/> elsewhere: a node of the graph.</summary>
    /// <param name="condition">A mask: ones and zeros.</param>
    /// <param name="whenTrue">The branch where the mask is one.</param>
    /// <param name="whenFalse">The branch where the mask is zero.</param>
    public static Variable Where(NDArray condition, Variable whenTrue, Variable whenFalse)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return new WhereFunction(condition).Call(whenTrue, whenFalse);
    }

    /// <summary>The mask of <c>a == b</c>, elementwise.</summary>
    public static NDArray Equal(NDArray a, NDArray b) => Compare(a, b, static (x, y) => x == y);

    /// <summary>The mask of <c>a != b</c>, elementwise.</summary>
    public static NDArray NotEqual(NDArray a, NDArray b) => Compare(a, b, static (x, y) => x != y);

    /// <summary>The mask of <c>a &lt; b</c>, elementwise.</summary>
    public static NDArray Less(NDArray a, NDArray b) => Compare(a, b, static (x, y) => x < y);

    /// <summary>The mask of <c>a &lt;= b</c>, elementwise.</summary>
    public static NDArray LessOrEqual(NDArray a, NDArray b) => Compare(a, b, static (x, y) => x <= y);

    /// <summary>The mask of <c>a &gt; b</c>, elementwise.</summary>
    public static NDArray Greater(NDArray a, NDArray b) => Compare(a, b, static (x, y) => x > y);

    /// <summary>The mask of <c>a &gt;= b</c>, elementwise.</summary>
    public static NDArray GreaterOrEqual(NDArray a, NDArray b) => Compare(a, b, static (x, y) => x >= y);

    /// <summary>Where both masks hold.</summary>
    public static NDArray And(NDArray a, NDArray b) => Compare(a, b, static (x, y) => x != 0 && y != 0);

    /// <summary>Where either mask holds.</summary>
    public static NDArray Or(NDArray a, NDArray b) => Compare(a, b, static (x, y) => x != 0 || y != 0);

    /// <summary>Where the mask does not hold.</summary>
    public static NDArray Not(NDArray a) => Compare(a, a, static (x, _) => x == 0);

    /// <summary>A condition that does not depend on the data, as a 0-d mask.</summary>
    public static NDArray Condition(bool value) => value ? NDArray.One : NDArray.Scalar(0.0);

    /// <summary>
    /// <paramref name="function"/> applied to each element of <paramref name="x"/>'s data, as a new variable outside
    /// the graph: the value of a function whose derivative is zero wherever it exists (<c>Floor</c>, <c>Round</c>, …).
    /// </summary>
    /// <param name="x">The argument.</param>
    /// <param name="function">The function, on one element.</param>
    public static Variable PiecewiseConstant(Variable x, Func<double, double> function)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(function);
        var data = x.Data;
        if (data.Size == 1)
        {
            return new Variable(NDArray.Scalar(function(data.AsSpan()[0]), data.Dims));
        }

        var values = data.AsSpan();
        var result = GC.AllocateUninitializedArray<double>(values.Length);
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = function(values[i]);
        }

        return new Variable(NDArray.Create(result, data.Dims));
    }

    /// <summary>
    /// A gradient computed over a node's output, brought to its input's shape: summed back to one element for an
    /// input broadcast over the output (a node of the graph, so it too can be differentiated), as it is otherwise.
    /// </summary>
    internal static Variable SumTo(Variable gradient, NDArray input)
    {
        var dims = gradient.Data.Dims;
        if (dims.SameAs(input.Dims))
        {
            return gradient;
        }

        if (input.Size == 1)
        {
            return new SumToFunction(input.Dims).Call(gradient);
        }

        return gradient.Size == 1
            ? new BroadcastToFunction(input.Dims).Call(gradient)
            : throw new InvalidOperationException(
                $"A gradient of shape {NDArray.FormatShape(dims)} does not fit an input of shape {NDArray.FormatShape(input.Dims)}.");
    }

    /// <summary>The same on arrays: a gradient over an output, summed back to one element for an input broadcast over it.</summary>
    internal static NDArray SumTo(NDArray gradient, Dimensions shape) =>
        gradient.Dims.SameAs(shape) ? gradient : NDArray.Scalar(NDArray.Sum(gradient).Item(), shape);

    /// <summary>The one shape of elementwise operands: their common shape, or 0-d when all are 0-d.</summary>
    internal static Dimensions Common(Dimensions a, Dimensions b)
    {
        if (a.Count == 0)
        {
            return b;
        }

        if (b.Count == 0 || a.SameAs(b))
        {
            return a;
        }

        throw new ArgumentException(
            $"Elementwise operands need equal shapes or 0-d, got {NDArray.FormatShape(a)} and {NDArray.FormatShape(b)}.");
    }

    /// <summary>Element <paramref name="index"/> of an operand of <see cref="Common"/>'s shape, or its one element.</summary>
    internal static double At(ReadOnlySpan<double> values, int index) => values.Length == 1 ? values[0] : values[index];

    private static NDArray Compare(NDArray a, NDArray b, Func<double, double, bool> holds)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var shape = Common(a.Dims, b.Dims);
        ReadOnlySpan<double> x = a.AsSpan(), y = b.AsSpan();
        if (shape.Size == 1)
        {
            return NDArray.Scalar(holds(x[0], y[0]) ? 1.0 : 0.0, shape);
        }

        var mask = GC.AllocateUninitializedArray<double>(shape.Size);
        for (var i = 0; i < mask.Length; i++)
        {
            mask[i] = holds(At(x, i), At(y, i)) ? 1.0 : 0.0;
        }

        return NDArray.Create(mask, shape);
    }
}
