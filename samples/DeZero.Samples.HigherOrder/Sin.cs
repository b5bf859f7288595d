using DeZero;

namespace DeZero.Samples.HigherOrder;

/// <summary>The book's <c>Sin</c> of step 34: its backward is written on variables, so it can be differentiated again.</summary>
internal sealed class Sin : Function
{
    /// <inheritdoc/>
    public override NDArray Forward(NDArray x) => NDArray.Sin(x);

    /// <inheritdoc/>
    public override Variable Backward(Variable gy)
    {
        var x = Input;
        return gy * new Cos().Call(x);
    }
}

/// <summary>The book's <c>Cos</c> of step 34: the derivative of <see cref="Sin"/>, itself differentiable again.</summary>
internal sealed class Cos : Function
{
    /// <inheritdoc/>
    public override NDArray Forward(NDArray x) => NDArray.Cos(x);

    /// <inheritdoc/>
    public override Variable Backward(Variable gy)
    {
        var x = Input;
        return gy * -new Sin().Call(x);
    }
}
