namespace DeZero;

/// <summary>y = eˣ, the seed's <c>Exp</c>.</summary>
internal sealed class ExpFunction : Function
{
    public override NDArray Forward(NDArray x) => NDArray.Exp(x);

    // eˣ is the output itself: reuse it rather than exponentiate again (bitwise the seed's np.exp(x) * gy).
    public override NDArray Backward(NDArray gy) => Output.Data * gy;
}
