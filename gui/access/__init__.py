"""Access with supply and demand (2SFCA / E2SFCA) in the window: the dock, the choropleth and the tables."""
