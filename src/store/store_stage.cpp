// stage store: sources arrive here
