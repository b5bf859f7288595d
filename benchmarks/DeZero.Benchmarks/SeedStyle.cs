namespace DeZero.Benchmarks;

/// <summary>The seed's own <c>Square</c>, exactly as a reader of the book writes it.</summary>
public sealed class SeedSquare : Function
{
    /// <inheritdoc/>
    public override NDArray Forward(NDArray x) => x * x;

    /// <inheritdoc/>
    public override NDArray Backward(NDArray gy) => 2 * Input.Data * gy;
}

/// <summary>The seed's own <c>Exp</c>, exactly as a reader of the book writes it.</summary>
public sealed class SeedExp : Function
{
    /// <inheritdoc/>
    public override NDArray Forward(NDArray x) => NDArray.Exp(x);

    /// <inheritdoc/>
    public override NDArray Backward(NDArray gy) => NDArray.Exp(Input.Data) * gy;
}
