namespace GroupBuyBot.Core.Learning;

/// <summary>One training example: a message text with its label and the labelled set it came from.</summary>
public sealed record LabelledText(string Set, string Label, string Text);
