Console.WriteLine("GroupBuyBot");
