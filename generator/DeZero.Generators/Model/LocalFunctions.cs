namespace DeZero.Generators.Model;

/// <summary>
/// A static local function of a [Differentiable] method (of double and int parameters, returning double, int or bool),
/// printed where it is declared, in the method and in its derivative program alike. Calls to it are <see cref="UserCall"/>s
/// of a <see cref="MemberRef"/> with an empty type: the bare name. <paramref name="Gradient"/>: the name of its value-and-gradient
/// function, which derivative programs write beside it (a <see cref="LocalGradient"/>); null when there is no derivative to
/// take (a result that is not double, or no double parameter).
/// </summary>
internal sealed record LocalFunction(string Name, ValueKind Returns, EquatableArray<ParameterSpec> Parameters, Block Body, string? Gradient) : Stmt;

/// <summary>
/// Only in derivative programs: a local function's value-and-gradient function, differentiated as a method is, returning
/// the value and one partial per double parameter.
/// </summary>
internal sealed record LocalGradient(string Name, EquatableArray<ParameterSpec> Parameters, Block Body) : Stmt;
