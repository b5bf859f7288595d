namespace DeZero.Generators.Model;

// What a [Differentiable] body runs but never differentiates: an exception it throws, a call it makes for logging.
// The generated members do the same, on the same inputs.

/// <summary>
/// C# carried over from the user's code: text in which every type is named in full (generated files have no usings),
/// with the method's own values in holes, as model expressions, so the printer names them as the generated code does.
/// Printed <c>Text[0] Holes[0] Text[1] … Holes[n-1] Text[n]</c>.
/// </summary>
internal sealed record Verbatim(EquatableArray<string> Text, EquatableArray<Expr> Holes);

/// <summary><c>throw e;</c>, the exception created as the method creates it.</summary>
internal sealed record Throw(Verbatim Exception) : Stmt;

/// <summary>A call to a <c>void</c> method (<c>Console.WriteLine(y)</c>, <c>Debug.Assert(x &gt; 0)</c>), run as written.</summary>
internal sealed record VoidCall(Verbatim Call) : Stmt;
