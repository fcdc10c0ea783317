namespace Declarative.Training;

/// <summary>
/// Names of the columns the pipeline adds. The prefix keeps them apart from the row's own properties, so a
/// property called <c>Features</c> or <c>Label</c> is never shadowed.
/// </summary>
internal static class ColumnNames
{
    public const string Features = "__dcl_Features";
    public const string NumericFeatures = "__dcl_Numeric";
    // The label as the trainer and evaluator read it (a key, or a float), when the task converts it.
    public const string LabelKey = "__dcl_LabelKey";

    // The group id as a key, which ranking trainers and the ranking evaluator read.
    public const string GroupKey = "__dcl_GroupKey";

    // Written by ML.NET's trainers; shadow any input column of the same name.
    public const string Score = "Score";
    public const string Probability = "Probability";
    public const string PredictedLabel = "PredictedLabel";

    public static string Categorical(string property) => "__dcl_cat_" + property;

    public static string Text(string property) => "__dcl_txt_" + property;
}
