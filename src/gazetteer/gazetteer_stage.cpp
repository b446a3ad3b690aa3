// stage gazetteer: sources arrive here
