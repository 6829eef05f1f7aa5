namespace GroupBuyBot.TestKit;
